package org.loupe.metrics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.loupe.image.Calibration;
import org.loupe.image.GrayU16;
import org.loupe.image.ImageMetadata;
import org.loupe.metrics.image.RegionStatistics;

class RegionStatisticsTest {

    @Test
    void aRegionsStatisticsAreThoseOfItsPixelsInCalibratedUnits() {
        // a 4x3 region of values 60,000 + 0..11 inside a 16-bit image of zeros; 0.2 mm pixels
        GrayU16 img = GrayU16.create(10, 8).withMetadata(ImageMetadata.builder()
                .calibration(new Calibration(0.2, 0.2, "mm")).build());
        for (int i = 0; i < 12; i++) {
            img.set(3 + i % 4, 2 + i / 4, 60_000 + i);
        }
        RegionStatistics s = RegionStatistics.of(img, 7, 5, 3, 2); // corners in either order
        assertEquals(12, s.pixels());
        assertEquals(60_005.5, s.mean(), 1e-9);
        // sample sd of 0..11: sqrt(sum (i - 5.5)^2 / 11) = sqrt(143 / 11) = sqrt(13)
        assertEquals(Math.sqrt(13), s.std(), 1e-9);
        assertEquals(60_000, s.min());
        assertEquals(60_011, s.max());
        assertEquals(12 * 0.04, s.area(), 1e-12);
        assertEquals("mm", s.unit());
    }

    @Test
    void aRegionIsClippedToTheImageAndAnEmptyOneRefused() {
        GrayU16 img = GrayU16.create(10, 8);
        assertEquals(4, RegionStatistics.of(img, 8, 6, 20, 30).pixels());
        assertThrows(IllegalArgumentException.class, () -> RegionStatistics.of(img, 12, 0, 20, 5));
    }
}
