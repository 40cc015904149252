package org.loupe.numerics.filter;

/**
 * Separable convolution of a volume's samples ({@code w x h x d}, x fastest) with one kernel per axis, borders
 * replicated: the 3-D Gaussian of a scanner's point spread, or a box mean.
 */
public final class SeparableVolume {

    private SeparableVolume() {
    }

    /**
     * A new array: {@code in} convolved along x, y and z with the odd-length kernels given.
     *
     * @throws IllegalArgumentException for a kernel of even length or a size that does not match
     */
    public static float[] convolve(float[] in, int w, int h, int d, float[] kx, float[] ky, float[] kz) {
        if (in.length != (long) w * h * d || kx.length % 2 == 0 || ky.length % 2 == 0 || kz.length % 2 == 0) {
            throw new IllegalArgumentException("a " + w + "x" + h + "x" + d + " volume and odd kernels are needed");
        }
        float[] a = new float[in.length];
        float[] b = new float[in.length];
        pass(in, a, kx, 1, w);
        pass(a, b, ky, w, h);
        pass(b, a, kz, w * h, d);
        return a;
    }

    /** A normalised Gaussian kernel of three standard deviations either side; {1} for a non-positive sigma. */
    public static float[] gaussian(double sigma) {
        if (sigma <= 0) {
            return new float[] {1};
        }
        int r = (int) Math.ceil(3 * sigma);
        float[] k = new float[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= (float) sum;
        }
        return k;
    }

    /** Convolves along the axis whose neighbours are {@code step} apart and which has {@code n} samples. */
    private static void pass(float[] in, float[] out, float[] k, int step, int n) {
        int r = k.length / 2;
        for (int p = 0; p < in.length; p++) {
            int coord = (p / step) % n;
            double s = 0;
            for (int t = -r; t <= r; t++) {
                int c = Math.min(n - 1, Math.max(0, coord + t));
                s += k[t + r] * in[p + (c - coord) * step];
            }
            out[p] = (float) s;
        }
    }
}
