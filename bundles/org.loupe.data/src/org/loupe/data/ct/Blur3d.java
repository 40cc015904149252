package org.loupe.data.ct;

import org.loupe.image.volume.Volume;

/** A separable Gaussian blur of a volume (replicated borders), for a scanner's point spread and correlated noise. */
final class Blur3d {

    private Blur3d() {
    }

    /** A new volume blurred by {@code sigmaXy} voxels in plane and {@code sigmaZ} slices across. */
    static Volume gaussian(Volume v, double sigmaXy, double sigmaZ) {
        int w = v.width();
        int h = v.height();
        int d = v.depth();
        float[] a = v.data().clone();
        float[] b = new float[a.length];
        pass(a, b, kernel(sigmaXy), w, h, d, 1, w);
        pass(b, a, kernel(sigmaXy), w, h, d, w, h);
        pass(a, b, kernel(sigmaZ), w, h, d, w * h, d);
        return Volume.wrap(b, w, h, d, v.geometry(), v.metadata());
    }

    private static float[] kernel(double sigma) {
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
    private static void pass(float[] in, float[] out, float[] k, int w, int h, int d, int step, int n) {
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
