package org.loupe.tensorflow.train;

/** The focal frequency loss computed with a direct (slow, double-precision) orthonormal DFT, as the paper defines it. */
final class FocalFrequencyReference {

    private FocalFrequencyReference() {
    }

    /**
     * The loss with alpha = 1, storing the focal weights it used in {@code weights} ([N, C, H, W]) when
     * {@code computeWeights}; otherwise it uses the given weights (frozen).
     */
    static double loss(float[] p, float[] t, int n, int h, int w, int c, double[] weights, boolean computeWeights) {
        double[] x = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            x[i] = p[i];
        }
        return compute(x, t, n, h, w, c, weights, computeWeights);
    }

    /** The loss at {@code x} with frozen weights. */
    static double loss(double[] x, float[] t, int n, int h, int w, int c, double[] weights) {
        return compute(x, t, n, h, w, c, weights, false);
    }

    private static double compute(double[] x, float[] t, int n, int h, int w, int c, double[] weights,
            boolean computeWeights) {
        double total = 0;
        double norm = 1 / Math.sqrt(h * w);
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                double[] dist = new double[h * w];
                double max = 0;
                for (int u = 0; u < h; u++) {
                    for (int v = 0; v < w; v++) {
                        double re = 0;
                        double im = 0;
                        for (int y = 0; y < h; y++) {
                            for (int xx = 0; xx < w; xx++) {
                                int i = ((b * h + y) * w + xx) * c + ch;
                                double d = x[i] - t[i];
                                double angle = -2 * Math.PI * (u * y / (double) h + v * xx / (double) w);
                                re += d * Math.cos(angle);
                                im += d * Math.sin(angle);
                            }
                        }
                        dist[u * w + v] = (re * re + im * im) * norm * norm;
                        max = Math.max(max, Math.sqrt(dist[u * w + v]));
                    }
                }
                int base = (b * c + ch) * h * w;
                for (int k = 0; k < h * w; k++) {
                    if (computeWeights) {
                        weights[base + k] = max == 0 ? 0 : Math.sqrt(dist[k]) / max;
                    }
                    total += weights[base + k] * dist[k];
                }
            }
        }
        return total / (n * c * h * w);
    }
}
