package org.loupe.metrics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.loupe.testing.ReferenceFixtures.image;
import static org.loupe.testing.ReferenceFixtures.number;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loupe.api.LoupeException;
import org.loupe.metrics.image.ImageComparison;
import org.loupe.metrics.image.ImageComparison.Channels;
import org.loupe.metrics.image.Psnr;
import org.loupe.metrics.image.Ssim;

/** PSNR and SSIM against scikit-image (see tools/reference/make_fixtures.py for the exact calls). */
class ImageMetricReferenceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gray8,ALL,0", "gray16,ALL,0", "rgb8_all,ALL,0", "rgb8_y,Y,0", "gray8_shave4,ALL,4"})
    void psnrMatchesScikitImage(String key, Channels channels, int shave) throws LoupeException {
        String input = key.split("_")[0];
        double v = Psnr.of(image(input + "_d"), image(input), new ImageComparison(channels, shave, 0));
        assertEquals(number("metrics", "psnr_" + key), v, 1e-4 * Math.abs(v));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gray8,ALL,0", "gray16,ALL,0", "rgb8_all,ALL,0", "rgb8_y,Y,0", "gray8_shave4,ALL,4"})
    void ssimMatchesScikitImage(String key, Channels channels, int shave) throws LoupeException {
        String input = key.split("_")[0];
        double v = Ssim.of(image(input + "_d"), image(input), new ImageComparison(channels, shave, 0));
        assertEquals(number("metrics", "ssim_" + key), v, 1e-6);
    }
}
