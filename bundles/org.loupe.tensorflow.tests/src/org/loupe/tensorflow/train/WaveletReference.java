package org.loupe.tensorflow.train;

/** The wavelet high-frequency loss computed directly in double precision from its definition. */
final class WaveletReference {

    private WaveletReference() {
    }

    /** Sum over levels and detail subbands of weight x mean |detail(p) - detail(t)|. */
    static double loss(float[] p, float[] t, int n, int h, int w, int c, int levels) {
        double[] a = new double[p.length];
        double[] b = new double[t.length];
        for (int i = 0; i < p.length; i++) {
            a[i] = p[i];
            b[i] = t[i];
        }
        double total = 0;
        for (int l = 1; l <= levels; l++) {
            total += 4 * Math.pow(2, -(l - 1));
        }
        double loss = 0;
        for (int l = 1; l <= levels; l++) {
            double[][] sa = level(a, n, h, w, c);
            double[][] sb = level(b, n, h, w, c);
            double base = Math.pow(2, -(l - 1)) / total;
            double[] weight = {base, base, 2 * base};
            for (int band = 1; band <= 3; band++) {
                double sum = 0;
                for (int i = 0; i < sa[band].length; i++) {
                    sum += Math.abs(sa[band][i] - sb[band][i]);
                }
                loss += weight[band - 1] * sum / sa[band].length;
            }
            a = sa[0];
            b = sb[0];
            h /= 2;
            w /= 2;
        }
        return loss;
    }

    /** One orthonormal Haar level of NHWC data: approximation, then the three details, each NHWC at half size. */
    private static double[][] level(double[] x, int n, int h, int w, int c) {
        int h2 = h / 2;
        int w2 = w / 2;
        double[][] out = new double[4][n * h2 * w2 * c];
        for (int b = 0; b < n; b++) {
            for (int y = 0; y < h2; y++) {
                for (int xx = 0; xx < w2; xx++) {
                    for (int ch = 0; ch < c; ch++) {
                        double p = x[((b * h + 2 * y) * w + 2 * xx) * c + ch];
                        double q = x[((b * h + 2 * y) * w + 2 * xx + 1) * c + ch];
                        double r = x[((b * h + 2 * y + 1) * w + 2 * xx) * c + ch];
                        double s = x[((b * h + 2 * y + 1) * w + 2 * xx + 1) * c + ch];
                        int o = ((b * h2 + y) * w2 + xx) * c + ch;
                        out[0][o] = (p + q + r + s) / 2;
                        out[1][o] = (p + q - r - s) / 2;
                        out[2][o] = (p - q + r - s) / 2;
                        out[3][o] = (p - q - r + s) / 2;
                    }
                }
            }
        }
        return out;
    }
}
