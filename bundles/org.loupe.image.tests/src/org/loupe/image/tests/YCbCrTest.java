package org.loupe.image.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.loupe.image.GrayU8;
import org.loupe.image.PlanarF32;
import org.loupe.image.RgbU8;
import org.loupe.image.color.YCbCr;

class YCbCrTest {

    @Test
    void blackAndWhiteMapToStudioRange() {
        RgbU8 rgb = RgbU8.create(2, 1);
        rgb.set(1, 0, 255, 255, 255);
        PlanarF32 ycc = YCbCr.fromRgb(rgb);
        assertEquals(16.0, ycc.get(0, 0, 0), 1e-4);
        assertEquals(128.0, ycc.get(0, 0, 1), 1e-4);
        assertEquals(128.0, ycc.get(0, 0, 2), 1e-4);
        assertEquals(235.0, ycc.get(1, 0, 0), 1e-4);
        assertEquals(128.0, ycc.get(1, 0, 1), 1e-3);
        assertEquals(128.0, ycc.get(1, 0, 2), 1e-3);
    }

    @Test
    void lumaMatchesMatlabForPrimaries() {
        // MATLAB: rgb2ycbcr(uint8([255 0 0; 0 255 0; 0 0 255])) gives Y = 81, 145, 41
        RgbU8 rgb = RgbU8.create(3, 1);
        rgb.set(0, 0, 255, 0, 0);
        rgb.set(1, 0, 0, 255, 0);
        rgb.set(2, 0, 0, 0, 255);
        GrayU8 y = YCbCr.lumaU8(rgb);
        assertEquals(81, y.get(0, 0));
        assertEquals(145, y.get(1, 0));
        assertEquals(41, y.get(2, 0));
        // unrounded: 16 + 65.481 = 81.481
        assertEquals(81.481, YCbCr.luma(rgb).get(0, 0), 1e-4);
    }

    @Test
    void roundTripIsWithinOneLevel() {
        SplittableRandom rnd = new SplittableRandom(3);
        RgbU8 rgb = RgbU8.create(64, 64);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                rgb.set(x, y, rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256));
            }
        }
        RgbU8 back = YCbCr.toRgb(YCbCr.fromRgb(rgb));
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                for (int b = 0; b < 3; b++) {
                    assertEquals(rgb.get(x, y, b), back.get(x, y, b), 0, "unrounded YCbCr must invert exactly");
                }
            }
        }
    }
}
