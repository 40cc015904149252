package org.loupe.metrics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.loupe.api.LoupeException;
import org.loupe.image.GrayF32;
import org.loupe.image.ImageMetadata;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.metrics.image.ImageComparison;
import org.loupe.metrics.image.Psnr;
import org.loupe.metrics.image.Ssim;
import org.loupe.testing.SyntheticImages;

class ImageMetricInputTest {

    private static PixelImage named(PixelImage img, String name) {
        return img.withMetadata(ImageMetadata.builder().name(name).build());
    }

    @Test
    void imagesOfDifferentSizeAreRejectedNamingBoth() {
        PixelImage a = named(SyntheticImages.scene(ImageType.GRAY_U8, 20, 20, 1), "sr.png");
        PixelImage b = named(SyntheticImages.scene(ImageType.GRAY_U8, 20, 22, 1), "hr.png");
        LoupeException e = assertThrows(LoupeException.class, () -> Psnr.of(a, b, ImageComparison.luma()));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertEquals("sr.png: is 20x20 GRAY:UINT8:1 but its reference hr.png is 20x22 GRAY:UINT8:1; metrics "
                + "compare images of the same size and type", e.getMessage());
    }

    @Test
    void imagesOfDifferentBitDepthAreRejected() {
        PixelImage a = SyntheticImages.scene(ImageType.GRAY_U8, 20, 20, 1);
        PixelImage b = SyntheticImages.scene(ImageType.GRAY_U16, 20, 20, 1);
        assertEquals(LoupeException.Reason.INPUT,
                assertThrows(LoupeException.class, () -> Ssim.of(a, b, ImageComparison.luma())).reason());
    }

    @Test
    void aNonFinitePixelIsRejectedRatherThanGivingNaN() {
        GrayF32 a = (GrayF32) SyntheticImages.scene(ImageType.GRAY_F32, 20, 20, 1);
        GrayF32 b = a.copy();
        b.set(3, 4, Float.POSITIVE_INFINITY);
        LoupeException e = assertThrows(LoupeException.class, () -> Psnr.of(a, b, ImageComparison.luma()));
        assertEquals("synthetic-gray: has a Infinity pixel at (3, 4); metrics need finite values", e.getMessage());
    }

    @Test
    void ssimNeedsAWholeWindowAfterShaving() {
        PixelImage a = SyntheticImages.scene(ImageType.GRAY_U8, 20, 20, 1);
        LoupeException e = assertThrows(LoupeException.class,
                () -> Ssim.of(a, a, ImageComparison.luma().withShave(5)));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
    }

    @Test
    void identicalImagesHaveInfinitePsnrAndUnitSsim() throws LoupeException {
        PixelImage a = SyntheticImages.scene(ImageType.RGB_U8, 30, 30, 1);
        assertEquals(Double.POSITIVE_INFINITY, Psnr.of(a, a, ImageComparison.luma()));
        assertEquals(1.0, Ssim.of(a, a, ImageComparison.luma()), 1e-12);
    }

    @Test
    void aKnownErrorGivesTheKnownPsnr() throws LoupeException {
        // every sample off by 5 in an 8-bit image: MSE 25, PSNR = 10 log10(255^2 / 25) = 34.1514 dB
        PixelImage a = SyntheticImages.constant(ImageType.GRAY_U8, 16, 16, 100);
        PixelImage b = SyntheticImages.constant(ImageType.GRAY_U8, 16, 16, 105);
        assertEquals(10 * Math.log10(255.0 * 255 / 25), Psnr.of(a, b, ImageComparison.luma()), 1e-12);
    }
}
