package org.loupe.metrics.image;

import org.loupe.api.LoupeException;
import org.loupe.image.PixelImage;
import org.loupe.numerics.Grid;

/**
 * Peak signal-to-noise ratio, 10 log10(R^2 / MSE), in dB. The mean squared error pools every compared sample
 * (after shaving, over the channels chosen by the {@link ImageComparison}); R is the comparison's data range.
 * Identical images give positive infinity.
 */
public final class Psnr {

    private Psnr() {
    }

    /**
     * PSNR of {@code image} against {@code reference}.
     *
     * @throws LoupeException INPUT if the images differ in size or type, hold non-finite values, or vanish when
     *                        shaved
     */
    public static double of(PixelImage image, PixelImage reference, ImageComparison how) throws LoupeException {
        ComparedPlanes p = ComparedPlanes.of(image, reference, how, 1);
        double sse = 0;
        long n = 0;
        for (int c = 0; c < p.image.size(); c++) {
            Grid a = p.image.get(c);
            Grid b = p.reference.get(c);
            for (int i = 0; i < a.values().length; i++) {
                double d = a.values()[i] - b.values()[i];
                sse += d * d;
            }
            n += a.values().length;
        }
        double mse = sse / n;
        return 10 * Math.log10(p.range * p.range / mse);
    }
}
