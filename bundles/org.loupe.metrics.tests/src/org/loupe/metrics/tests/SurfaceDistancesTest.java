package org.loupe.metrics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;
import org.loupe.metrics.segmentation.SurfaceDistances;
import org.loupe.metrics.segmentation.VolumeMask;

class SurfaceDistancesTest {

    /** A 16x12x8 label volume with a box of label 1 at columns i0..i0+9, rows 1..10, slices 1..5. */
    private static Volume box(int i0, VoxelGeometry g) {
        Volume v = Volume.create(16, 12, 8, g);
        for (int k = 1; k <= 5; k++) {
            for (int j = 1; j <= 10; j++) {
                for (int i = i0; i < i0 + 10; i++) {
                    v.set(i, j, k, 1);
                }
            }
        }
        return v;
    }

    @Test
    void aBoxShiftedSidewaysIsAsFarAsTheShiftInMillimetres() {
        VoxelGeometry g = VoxelGeometry.of(0.5, 0.8, 2.5);
        SurfaceDistances d = SurfaceDistances.of(VolumeMask.of(box(1, g), 1), VolumeMask.of(box(4, g), 1));
        // 7 of 10 columns overlap
        assertEquals(0.7, d.dice(), 1e-12);
        assertEquals(7.0 / 13, d.iou(), 1e-12);
        // the far faces are 3 columns of 0.5 mm apart, and nothing is farther
        assertEquals(1.5, d.hausdorff(), 1e-12);
    }

    @Test
    void spacingAlongSlicesCounts() {
        VoxelGeometry g = VoxelGeometry.of(0.5, 0.5, 2.5);
        Volume a = box(3, g);
        Volume b = Volume.create(16, 12, 8, g);
        for (int k = 2; k <= 6; k++) {
            for (int j = 1; j <= 10; j++) {
                for (int i = 3; i < 13; i++) {
                    b.set(i, j, k, 1);
                }
            }
        }
        SurfaceDistances d = SurfaceDistances.of(VolumeMask.nonZero(a), VolumeMask.nonZero(b));
        assertEquals(2.5, d.hausdorff(), 1e-12);
        assertEquals(0.8, d.dice(), 1e-12);
    }

    @Test
    void identicalMasksAreZeroApartAndAnEmptyOneIsRefused() {
        VoxelGeometry g = VoxelGeometry.of(1, 1, 1);
        SurfaceDistances d = SurfaceDistances.of(VolumeMask.of(box(2, g), 1), VolumeMask.of(box(2, g), 1));
        assertEquals(1, d.dice());
        assertEquals(0, d.hausdorff());
        assertEquals(0, d.hausdorff95());
        assertEquals(0, d.meanSurface());
        assertThrows(IllegalArgumentException.class, () -> SurfaceDistances.of(VolumeMask.of(box(2, g), 1),
                VolumeMask.of(box(2, g), 2)));
    }
}
