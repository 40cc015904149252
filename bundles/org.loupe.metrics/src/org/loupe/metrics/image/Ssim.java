package org.loupe.metrics.image;

import org.loupe.api.LoupeException;
import org.loupe.image.PixelImage;
import org.loupe.numerics.Grid;
import org.loupe.numerics.filter.GaussianFilter;

/**
 * Structural similarity as defined by Wang, Bovik, Sheikh and Simoncelli (2004) and computed by their
 * {@code ssim_index.m}: local means, variances and covariance under an 11x11 Gaussian window (sigma 1.5, normalised),
 * population (not sample) statistics, C1 = (0.01 L)^2, C2 = (0.03 L)^2 with L the data range, evaluated only where the
 * window lies wholly inside the image (MATLAB's "valid" filtering, scikit-image's crop of 5 pixels), averaged over
 * the map. With several channels, the mean of the per-channel values. No downsampling.
 */
public final class Ssim {

    /** Window side. */
    public static final int WINDOW = 11;
    /** Window standard deviation. */
    public static final double SIGMA = 1.5;
    /** Luminance constant factor. */
    public static final double K1 = 0.01;
    /** Contrast constant factor. */
    public static final double K2 = 0.03;

    private static final double[] KERNEL = GaussianFilter.kernel(SIGMA, WINDOW / 2);

    private Ssim() {
    }

    /**
     * Mean SSIM of {@code image} against {@code reference}.
     *
     * @throws LoupeException INPUT if the images differ in size or type, hold non-finite values, or are smaller than
     *                        the window after shaving
     */
    public static double of(PixelImage image, PixelImage reference, ImageComparison how) throws LoupeException {
        ComparedPlanes p = ComparedPlanes.of(image, reference, how, WINDOW);
        double c1 = K1 * p.range * K1 * p.range;
        double c2 = K2 * p.range * K2 * p.range;
        double total = 0;
        for (int c = 0; c < p.image.size(); c++) {
            total += mean(p.image.get(c), p.reference.get(c), c1, c2);
        }
        return total / p.image.size();
    }

    private static double mean(Grid x, Grid y, double c1, double c2) {
        int w = x.width();
        int h = x.height();
        double[] xx = new double[w * h];
        double[] yy = new double[w * h];
        double[] xy = new double[w * h];
        for (int i = 0; i < xx.length; i++) {
            double a = x.values()[i];
            double b = y.values()[i];
            xx[i] = a * a;
            yy[i] = b * b;
            xy[i] = a * b;
        }
        Grid mx = valid(x.values(), w, h);
        Grid my = valid(y.values(), w, h);
        Grid mxx = valid(xx, w, h);
        Grid myy = valid(yy, w, h);
        Grid mxy = valid(xy, w, h);
        double sum = 0;
        int n = mx.values().length;
        for (int i = 0; i < n; i++) {
            double ux = mx.values()[i];
            double uy = my.values()[i];
            double vx = mxx.values()[i] - ux * ux;
            double vy = myy.values()[i] - uy * uy;
            double cxy = mxy.values()[i] - ux * uy;
            sum += ((2 * ux * uy + c1) * (2 * cxy + c2)) / ((ux * ux + uy * uy + c1) * (vx + vy + c2));
        }
        return sum / n;
    }

    /** Separable Gaussian filtering keeping only positions where the whole window lies inside. */
    private static Grid valid(double[] v, int w, int h) {
        int k = KERNEL.length;
        int ow = w - k + 1;
        int oh = h - k + 1;
        double[] rows = new double[ow * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < ow; x++) {
                double acc = 0;
                for (int t = 0; t < k; t++) {
                    acc += KERNEL[t] * v[y * w + x + t];
                }
                rows[y * ow + x] = acc;
            }
        }
        double[] out = new double[ow * oh];
        for (int y = 0; y < oh; y++) {
            for (int t = 0; t < k; t++) {
                double kt = KERNEL[t];
                int r = (y + t) * ow;
                for (int x = 0; x < ow; x++) {
                    out[y * ow + x] += kt * rows[r + x];
                }
            }
        }
        return new Grid(ow, oh, out);
    }
}
