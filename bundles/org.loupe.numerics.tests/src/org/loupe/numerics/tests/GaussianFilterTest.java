package org.loupe.numerics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.numerics.filter.GaussianFilter;
import org.loupe.testing.ImageAssertions;
import org.loupe.testing.SyntheticImages;

class GaussianFilterTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.0, 2.0, 3.7})
    void kernelIsNormalisedAndTruncatedAtFourSigma(double sigma) {
        double[] k = GaussianFilter.kernel(sigma);
        double sum = 0;
        for (double v : k) {
            sum += v;
        }
        assertEquals(1.0, sum, 1e-6);
        assertEquals(2 * (int) (4 * sigma + 0.5) + 1, k.length);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.8, 2.0})
    void floatResultMatchesADirectTwoDimensionalConvolution(double sigma) throws LoupeException {
        PixelImage src = SyntheticImages.scene(ImageType.GRAY_F32, 37, 29, 5);
        PixelImage out = GaussianFilter.apply(src, sigma, ProcessingContext.none());
        int r = (int) (4 * sigma + 0.5);
        double norm = 0;
        for (int i = -r; i <= r; i++) {
            norm += Math.exp(-0.5 * i * i / (sigma * sigma));
        }
        for (int y = 0; y < src.height(); y++) {
            for (int x = 0; x < src.width(); x++) {
                double acc = 0;
                for (int dy = -r; dy <= r; dy++) {
                    for (int dx = -r; dx <= r; dx++) {
                        int yy = Math.max(0, Math.min(src.height() - 1, y + dy));
                        int xx = Math.max(0, Math.min(src.width() - 1, x + dx));
                        acc += Math.exp(-0.5 * (dx * dx + dy * dy) / (sigma * sigma)) * src.getFloat(xx, yy, 0);
                    }
                }
                assertEquals(acc / (norm * norm), out.getFloat(x, y, 0), 1e-5, "at " + x + "," + y);
            }
        }
    }

    @Test
    void constantImagesStayConstantInEveryType() throws LoupeException {
        for (ImageType t : SyntheticImages.ALL_TYPES) {
            PixelImage flat = SyntheticImages.constant(t, 20, 10, 200);
            ImageAssertions.assertPixelsClose(flat, GaussianFilter.apply(flat, 1.5, ProcessingContext.none()), 1e-3);
        }
    }

    @Test
    void rejectsNonPositiveSigma() {
        assertThrows(IllegalArgumentException.class, () -> GaussianFilter.kernel(0));
    }
}
