package org.loupe.enhance.classic.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.enhance.classic.internal.GaussianEnhancer;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.testing.ImageEnhancerContract;
import org.loupe.testing.SyntheticImages;

class GaussianEnhancerTest extends ImageEnhancerContract {

    private final GaussianEnhancer enhancer = new GaussianEnhancer();

    @Override
    protected ImageEnhancer enhancer() {
        return enhancer;
    }

    @Test
    void widerSigmaReducesNoiseMore() throws LoupeException {
        PixelImage flat = SyntheticImages.constant(ImageType.GRAY_F32, 64, 64, 0.5f);
        PixelImage noisy = SyntheticImages.withImpulses(flat, 0.2, 4);
        double narrow = spread(blur(noisy, "0.7"));
        double wide = spread(blur(noisy, "3"));
        assertTrue(wide < narrow / 2, "sigma 3 should smooth far more than 0.7: " + wide + " vs " + narrow);
    }

    private PixelImage blur(PixelImage img, String sigma) throws LoupeException {
        return enhancer.enhance(img, ProcessingContext.of(Parameters.bind(enhancer.parameters(), Map.of("sigma", sigma))));
    }

    private static double spread(PixelImage img) {
        double sum = 0;
        double sq = 0;
        int n = img.width() * img.height();
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                double v = img.getFloat(x, y, 0);
                sum += v;
                sq += v * v;
            }
        }
        return Math.sqrt(sq / n - (sum / n) * (sum / n));
    }
}
