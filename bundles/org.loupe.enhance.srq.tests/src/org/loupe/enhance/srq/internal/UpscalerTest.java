package org.loupe.enhance.srq.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.GrayF32;
import org.loupe.numerics.resample.Interpolation;
import org.loupe.numerics.resample.Resize;

class UpscalerTest {

    @Test
    void stripsWithHalosGiveExactlyTheWholeImageResult() throws LoupeException {
        int w = 23;
        int h = 3 * Upscaler.STRIP + 5;
        GrayF32 lr = GrayF32.wrap(FixedPointNetworkTest.randomLuma(w * h, 2), w, h);
        ResidualEngine engine = new SrqModel("t", "bicubic", FixedPointNetworkTest.KERNELS,
                FixedPointNetworkTest.tightFormats(), java.util.Map.of(), java.util.Map.of()).fixedPoint();
        GrayF32 strips = Upscaler.upscale(engine, lr, ProcessingContext.none());
        double[] whole = engine.run(lr.data(), w, h);
        GrayF32 base = (GrayF32) Resize.byScale(lr, 2, Interpolation.BICUBIC, ProcessingContext.none());
        for (int y = 0; y < 2 * h; y++) {
            for (int x = 0; x < 2 * w; x++) {
                float expected = base.get(x, y) + (float) whole[((y / 2) * w + x / 2) * 4 + (y % 2) * 2 + x % 2];
                assertEquals(expected, strips.get(x, y), 0f, "at " + x + "," + y);
            }
        }
    }
}
