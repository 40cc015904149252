package org.loupe.metrics.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.loupe.image.Calibration;
import org.loupe.image.GrayU16;
import org.loupe.image.ImageMetadata;
import org.loupe.metrics.image.LineProfile;

class LineProfileTest {

    /** A ramp rising by 100 per column and 1 per row, with 0.5 mm pixels. */
    private static GrayU16 ramp() {
        GrayU16 img = GrayU16.create(20, 10).withMetadata(ImageMetadata.builder()
                .calibration(new Calibration(0.5, 0.5, "mm")).build());
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 20; x++) {
                img.set(x, y, 100 * x + y);
            }
        }
        return img;
    }

    @Test
    void aProfileAlongARowReadsTheRowAndItsLengthInCalibratedUnits() {
        LineProfile p = LineProfile.of(ramp(), 2, 3, 7, 3);
        assertArrayEquals(new double[] {203, 303, 403, 503, 603, 703}, p.values(), 1e-9);
        assertEquals(5, p.length(), 1e-12);
        assertEquals(2.5, p.calibrated(), 1e-12);
        assertEquals("mm", p.unit());
    }

    @Test
    void betweenPixelsTheProfileInterpolatesAndADiagonalIsLonger() {
        // the ramp is linear, so bilinear samples are exact anywhere: (2.5, 3.5) reads 250 + 3.5
        LineProfile p = LineProfile.of(ramp(), 2.5, 3.5, 2.5, 3.5);
        assertArrayEquals(new double[] {253.5}, p.values(), 1e-9);
        LineProfile d = LineProfile.of(ramp(), 0, 0, 3, 4);
        assertEquals(5, d.length(), 1e-12);
        assertEquals(6, d.values().length);
        assertEquals(300 + 4, d.values()[5], 1e-9);
    }
}
