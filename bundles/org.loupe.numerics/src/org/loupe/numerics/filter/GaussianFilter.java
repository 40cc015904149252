package org.loupe.numerics.filter;

import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.PixelImage;

/**
 * Gaussian blur as a separable convolution. The kernel is truncated at {@value #TRUNCATE} standard deviations
 * (radius {@code (int) (4 sigma + 0.5)}, as SciPy's {@code gaussian_filter}) and normalised to sum 1; pixels outside
 * the image take the nearest edge value (mode "nearest"). Integer outputs are rounded half up and saturated.
 */
public final class GaussianFilter {

    /** Kernel extent in standard deviations. */
    public static final double TRUNCATE = 4.0;

    private GaussianFilter() {
    }

    /** The normalised 1-D kernel, {@code 2 * radius + 1} taps. */
    public static double[] kernel(double sigma) {
        return kernel(sigma, (int) (TRUNCATE * sigma + 0.5));
    }

    /** The normalised 1-D kernel with an explicit radius, e.g. 5 for SSIM's 11-tap window at sigma 1.5. */
    public static double[] kernel(double sigma, int radius) {
        if (!(sigma > 0) || Double.isInfinite(sigma) || radius < 0) {
            throw new IllegalArgumentException("invalid Gaussian: sigma " + sigma + ", radius " + radius);
        }
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /**
     * The blurred image, of the input's type.
     *
     * @throws LoupeException CANCELLED if the context is cancelled
     */
    public static PixelImage apply(PixelImage src, double sigma, ProcessingContext ctx) throws LoupeException {
        return SeparableFilter.apply(src, kernel(sigma), "gaussian", ctx);
    }
}
