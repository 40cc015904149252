package org.loupe.enhance.classic.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.enhance.classic.internal.MedianEnhancer;
import org.loupe.image.GrayU16;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.testing.ImageAssertions;
import org.loupe.testing.ImageEnhancerContract;
import org.loupe.testing.SyntheticImages;

class MedianEnhancerTest extends ImageEnhancerContract {

    private final MedianEnhancer enhancer = new MedianEnhancer();

    @Override
    protected ImageEnhancer enhancer() {
        return enhancer;
    }

    @Test
    void cleansDeadAndHotPixelsOfASixteenBitFrameKeepingItsDepth() throws LoupeException {
        PixelImage flat = SyntheticImages.constant(ImageType.GRAY_U16, 40, 30, 41_000);
        PixelImage out = enhancer.enhance(SyntheticImages.withImpulses(flat, 0.03, 5));
        assertEquals(ImageType.GRAY_U16, out.type());
        assertEquals(41_000, ((GrayU16) out).get(17, 11));
        ImageAssertions.assertSamePixels(flat, out.withMetadata(flat.metadata()));
    }

    @Test
    void evenWindowSizeIsAUsageErrorNamingTheParameter() {
        LoupeException e = assertThrows(LoupeException.class,
                () -> Parameters.bind(enhancer.parameters(), Map.of("size", "4")));
        assertEquals(LoupeException.Reason.USAGE, e.reason());
        assertEquals("parameter 'size': '4' is not valid, expected a whole number in [1, 99] in steps of 2 from 1",
                e.getMessage());
    }

    @Test
    void largerWindowUsesTheParameter() throws LoupeException {
        PixelImage img = SyntheticImages.scene(ImageType.GRAY_U8, 30, 30, 3);
        ProcessingContext five = ProcessingContext.of(Parameters.bind(enhancer.parameters(), Map.of("size", "5")));
        ProcessingContext three = ProcessingContext.of(Parameters.defaults(enhancer.parameters()));
        double diff = ImageAssertions.maxAbsDifference(enhancer.enhance(img, five), enhancer.enhance(img, three));
        assertEquals(true, diff > 0, "5x5 and 3x3 medians should differ on a noisy image");
    }
}
