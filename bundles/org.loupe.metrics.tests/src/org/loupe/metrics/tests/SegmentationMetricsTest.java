package org.loupe.metrics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.loupe.testing.ReferenceFixtures.image;
import static org.loupe.testing.ReferenceFixtures.number;

import org.junit.jupiter.api.Test;
import org.loupe.image.GrayU8;
import org.loupe.metrics.segmentation.Hausdorff;
import org.loupe.metrics.segmentation.Mask;
import org.loupe.metrics.segmentation.Overlap;

class SegmentationMetricsTest {

    private static Mask square(int x0, int size) {
        GrayU8 m = GrayU8.create(8, 8);
        for (int y = 1; y < 1 + size; y++) {
            for (int x = x0; x < x0 + size; x++) {
                m.set(x, y, 1);
            }
        }
        return Mask.nonZero(m);
    }

    @Test
    void overlapOfTwoShiftedSquares() {
        // 4x4 squares shifted by one column: 12 shared pixels of 16 + 16; union 20
        assertEquals(24.0 / 32, Overlap.dice(square(1, 4), square(2, 4)), 1e-12);
        assertEquals(12.0 / 20, Overlap.iou(square(1, 4), square(2, 4)), 1e-12);
    }

    @Test
    void twoEmptyMasksAgree() {
        Mask empty = Mask.nonZero(GrayU8.create(4, 4));
        assertEquals(1.0, Overlap.dice(empty, empty));
        assertEquals(1.0, Overlap.iou(empty, empty));
    }

    @Test
    void hausdorffOfShiftedSquaresIsTheShift() {
        assertEquals(1.0, Hausdorff.of(square(1, 4), square(2, 4)).max(), 1e-12);
    }

    @Test
    void matchesMedPyOnTheReferenceShapes() {
        Mask a = Mask.nonZero(image("mask_a"));
        Mask b = Mask.nonZero(image("mask_b"));
        assertEquals(number("segmentation", "dice"), Overlap.dice(a, b), 1e-12);
        assertEquals(number("segmentation", "iou"), Overlap.iou(a, b), 1e-12);
        Hausdorff.Distances d = Hausdorff.of(a, b);
        assertEquals(number("segmentation", "hausdorff"), d.max(), 1e-9);
        assertEquals(number("segmentation", "hd95"), d.p95(), 1e-9);
    }

    @Test
    void hausdorffIsUndefinedForAnEmptyMask() {
        assertThrows(IllegalArgumentException.class,
                () -> Hausdorff.of(square(1, 4), Mask.nonZero(GrayU8.create(8, 8))));
    }
}
