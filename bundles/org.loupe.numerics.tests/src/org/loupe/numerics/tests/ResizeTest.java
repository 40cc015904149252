package org.loupe.numerics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.GrayF32;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.numerics.resample.Interpolation;
import org.loupe.numerics.resample.Resize;
import org.loupe.testing.ImageAssertions;
import org.loupe.testing.SyntheticImages;

class ResizeTest {

    private static final ProcessingContext NONE = ProcessingContext.none();

    @Test
    void bicubicDoublingMatchesHandComputedWeights() throws LoupeException {
        // Output pixel 5 (1-based) maps to u = 5/2 + 0.25 = 2.75. Input pixel 3 lies at distance -0.25, so its
        // weight is 1.5|d|^3 - 2.5|d|^2 + 1 = 0.0234375 - 0.15625 + 1 = 0.8671875; the others hold zeros.
        GrayF32 impulse = GrayF32.wrap(new float[] {0, 0, 1, 0, 0}, 5, 1);
        PixelImage out = Resize.byScale(impulse, 2, Interpolation.BICUBIC, NONE);
        assertEquals(10, out.width());
        assertEquals(2, out.height());
        assertEquals(0.8671875f, out.getFloat(4, 0, 0), 1e-7);
        assertEquals(0.8671875f, out.getFloat(5, 1, 0), 1e-7);
        // pixel 4: u = 2.25, input 3 at distance -0.75: 1.5*0.421875 - 2.5*0.5625 + 1 = 0.2265625
        assertEquals(0.2265625f, out.getFloat(3, 0, 0), 1e-7);
        // pixel 3: u = 1.75, input 3 at distance -1.25: -0.5*1.953125 + 2.5*1.5625 - 5 + 2 = -0.0703125
        assertEquals(-0.0703125f, out.getFloat(2, 0, 0), 1e-7);
    }

    @Test
    void outputSizeIsTheCeilingOfScaleTimesInput() throws LoupeException {
        PixelImage img = SyntheticImages.scene(ImageType.GRAY_U8, 255, 101, 1);
        PixelImage half = Resize.byScale(img, 0.5, Interpolation.BICUBIC, NONE);
        assertEquals(128, half.width());
        assertEquals(51, half.height());
        PixelImage third = Resize.byScale(img, 1 / 3.0, Interpolation.BICUBIC, NONE);
        assertEquals(85, third.width());
        assertEquals(34, third.height());
    }

    @ParameterizedTest
    @EnumSource(Interpolation.class)
    void constantImagesStayConstantUpAndDown(Interpolation method) throws LoupeException {
        for (ImageType t : SyntheticImages.ALL_TYPES) {
            PixelImage flat = SyntheticImages.constant(t, 24, 18, 100);
            for (double s : new double[] {0.25, 0.5, 1.5, 3}) {
                PixelImage out = Resize.byScale(flat, s, method, NONE);
                ImageAssertions.assertPixelsClose(
                        SyntheticImages.constant(t, out.width(), out.height(), 100), out, 1e-3);
            }
        }
    }

    @Test
    void scaleOneIsTheIdentity() throws LoupeException {
        PixelImage img = SyntheticImages.scene(ImageType.GRAY_U16, 30, 20, 2);
        ImageAssertions.assertSamePixels(img, Resize.byScale(img, 1, Interpolation.BICUBIC, NONE));
    }

    @Test
    void antialiasingWidensTheKernelWhenShrinking() throws LoupeException {
        // Halving maps output y (1-based) to u = 2y - 0.5. An impulse at input 9 reaches outputs with |u - 9| < 2
        // (y = 4, 5) through the plain 4-wide cubic, and |u - 9| < 4 (y = 3..6) through MATLAB's antialiased one,
        // which is stretched to width 8.
        float[] column = new float[16];
        column[8] = 1;
        GrayF32 impulse = GrayF32.wrap(column, 1, 16);
        assertEquals(4, nonZero(Resize.byScale(impulse, 0.5, Interpolation.BICUBIC, NONE)));
        assertEquals(2, nonZero(Resize.byScale(impulse, 0.5, Interpolation.BICUBIC, false, NONE)));
    }

    private static int nonZero(PixelImage column) {
        int n = 0;
        for (int y = 0; y < column.height(); y++) {
            n += Math.abs(column.getFloat(0, y, 0)) > 1e-9 ? 1 : 0;
        }
        return n;
    }

    @Test
    void nearestDoublingRepeatsPixels() throws LoupeException {
        GrayF32 img = GrayF32.wrap(new float[] {1, 2, 3, 4}, 2, 2);
        PixelImage out = Resize.byScale(img, 2, Interpolation.NEAREST, NONE);
        float[] expected = {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4};
        ImageAssertions.assertSamePixels(GrayF32.wrap(expected, 4, 4), out);
    }
}
