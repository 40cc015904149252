package org.loupe.enhance.classic.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.enhance.classic.internal.BicubicEnhancer;
import org.loupe.image.GrayU16;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.testing.ImageEnhancerContract;
import org.loupe.testing.SyntheticImages;

class BicubicEnhancerTest extends ImageEnhancerContract {

    private final BicubicEnhancer enhancer = new BicubicEnhancer();

    @Override
    protected ImageEnhancer enhancer() {
        return enhancer;
    }

    @Test
    void doublesTheSizeByDefaultKeepingSixteenBitValues() throws LoupeException {
        PixelImage flat = SyntheticImages.constant(ImageType.GRAY_U16, 31, 17, 50_000);
        GrayU16 out = (GrayU16) enhancer.enhance(flat);
        assertEquals(62, out.width());
        assertEquals(34, out.height());
        assertEquals(50_000, out.get(40, 20));
    }

    @Test
    void refusesAScaleThatWouldExhaustMemory() throws LoupeException {
        PixelImage img = SyntheticImages.constant(ImageType.GRAY_U8, 4000, 4000, 1);
        ProcessingContext ctx = ProcessingContext.of(Parameters.bind(enhancer.parameters(), Map.of("scale", "16")));
        LoupeException e = assertThrows(LoupeException.class, () -> enhancer.enhance(img, ctx));
        assertEquals(LoupeException.Reason.USAGE, e.reason());
    }
}
