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
    void aPolygonCountsThePixelsWhoseCentresLieInside() {
        // a right triangle with legs of 4 along x and y from (0, 0): centres (x, y) with x + y < 4 strictly inside,
        // and the even-odd rule takes the centres on the two legs (x = 0 or y = 0) but not on the hypotenuse
        GrayU16 img = GrayU16.create(10, 8);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 10; x++) {
                img.set(x, y, 10 * x + y);
            }
        }
        RegionStatistics s = RegionStatistics.inPolygon(img, new double[] {0, 0, 4, 0, 0, 4});
        long expected = 0;
        double sum = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 10; x++) {
                if (x + y < 4) {
                    expected++;
                    sum += 10 * x + y;
                }
            }
        }
        assertEquals(expected, s.pixels());
        assertEquals(sum / expected, s.mean(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> RegionStatistics.inPolygon(img, new double[] {0, 0, 1, 1}));
    }

    @Test
    void aRegionIsClippedToTheImageAndAnEmptyOneRefused() {
        GrayU16 img = GrayU16.create(10, 8);
        assertEquals(4, RegionStatistics.of(img, 8, 6, 20, 30).pixels());
        assertThrows(IllegalArgumentException.class, () -> RegionStatistics.of(img, 12, 0, 20, 5));
    }
}
