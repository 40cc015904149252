package org.loupe.metrics.segmentation;

/**
 * The exact squared Euclidean distance from every pixel (or voxel, with its spacing) to the nearest one of a mask, by
 * the separable algorithm of Felzenszwalb and Huttenlocher (2012): a lower envelope of parabolas along each axis.
 */
final class DistanceTransform {

    private static final double FAR = 1e20;

    private DistanceTransform() {
    }

    static double[] squared(Mask m) {
        return squared(m.pixels(), m.width(), m.height(), 1, 1, 1, 1);
    }

    /**
     * The squared distance, in the units of the spacings, from every voxel of a {@code w x h x d} grid (x fastest) to
     * the nearest voxel set in {@code in}; a voxel is {@code sx} wide, {@code sy} high and {@code sz} deep.
     */
    static double[] squared(boolean[] in, int w, int h, int d, double sx, double sy, double sz) {
        double[] dist = new double[in.length];
        for (int i = 0; i < dist.length; i++) {
            dist[i] = in[i] ? 0 : FAR;
        }
        int longest = Math.max(w, Math.max(h, d));
        double[] f = new double[longest];
        double[] out = new double[longest];
        int[] v = new int[longest];
        double[] z = new double[longest + 1];
        // one pass per axis: {count along the axis, step between its samples, spacing}
        int[][] axes = {{h, w}, {w, 1}, {d, w * h}};
        double[] spacing = {sy, sx, sz};
        for (int a = 0; a < 3; a++) {
            int n = axes[a][0];
            int step = axes[a][1];
            if (n == 1) {
                continue;
            }
            for (int start = 0; start < dist.length; start++) {
                if ((start / step) % n != 0) {
                    continue;
                }
                for (int q = 0; q < n; q++) {
                    f[q] = dist[start + q * step];
                }
                envelope(f, n, spacing[a], out, v, z);
                for (int q = 0; q < n; q++) {
                    dist[start + q * step] = out[q];
                }
            }
        }
        return dist;
    }

    /** One-dimensional squared distance transform of {@code f[0..n)} into {@code out}. */
    private static void envelope(double[] f, int n, double spacing, double[] out, int[] v, double[] z) {
        int k = 0;
        v[0] = 0;
        z[0] = Double.NEGATIVE_INFINITY;
        z[1] = Double.POSITIVE_INFINITY;
        double s2 = spacing * spacing;
        for (int q = 1; q < n; q++) {
            double s = intersection(f, q, v[k], s2);
            while (s <= z[k]) {
                k--;
                s = intersection(f, q, v[k], s2);
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
            out[q] = s2 * dq * dq + f[v[k]];
        }
    }

    /** Where the parabolas rooted at samples q and p meet, in sample coordinates. */
    private static double intersection(double[] f, int q, int p, double s2) {
        return ((f[q] + s2 * q * q) - (f[p] + s2 * p * p)) / (2.0 * s2 * (q - p));
    }
}
