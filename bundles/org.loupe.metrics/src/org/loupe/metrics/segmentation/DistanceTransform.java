package org.loupe.metrics.segmentation;

/**
 * The exact squared Euclidean distance from every pixel to the nearest pixel of a mask, by the separable algorithm
 * of Felzenszwalb and Huttenlocher (2012): a lower envelope of parabolas along columns, then along rows.
 */
final class DistanceTransform {

    private static final double FAR = 1e20;

    private DistanceTransform() {
    }

    static double[] squared(Mask m) {
        int w = m.width();
        int h = m.height();
        boolean[] in = m.pixels();
        double[] d = new double[w * h];
        for (int i = 0; i < d.length; i++) {
            d[i] = in[i] ? 0 : FAR;
        }
        double[] f = new double[Math.max(w, h)];
        double[] out = new double[Math.max(w, h)];
        int[] v = new int[Math.max(w, h)];
        double[] z = new double[Math.max(w, h) + 1];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                f[y] = d[y * w + x];
            }
            envelope(f, h, out, v, z);
            for (int y = 0; y < h; y++) {
                d[y * w + x] = out[y];
            }
        }
        for (int y = 0; y < h; y++) {
            System.arraycopy(d, y * w, f, 0, w);
            envelope(f, w, out, v, z);
            System.arraycopy(out, 0, d, y * w, w);
        }
        return d;
    }

    /** One-dimensional squared distance transform of {@code f[0..n)} into {@code out}. */
    private static void envelope(double[] f, int n, double[] out, int[] v, double[] z) {
        int k = 0;
        v[0] = 0;
        z[0] = Double.NEGATIVE_INFINITY;
        z[1] = Double.POSITIVE_INFINITY;
        for (int q = 1; q < n; q++) {
            double s = ((f[q] + (double) q * q) - (f[v[k]] + (double) v[k] * v[k])) / (2.0 * q - 2.0 * v[k]);
            while (s <= z[k]) {
                k--;
                s = ((f[q] + (double) q * q) - (f[v[k]] + (double) v[k] * v[k])) / (2.0 * q - 2.0 * v[k]);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (z[k + 1] < q) {
                k++;
            }
            double dq = q - v[k];
            out[q] = dq * dq + f[v[k]];
        }
    }
}
