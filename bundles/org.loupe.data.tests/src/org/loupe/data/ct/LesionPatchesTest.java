package org.loupe.data.ct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.loupe.image.GrayF32;
import org.loupe.image.PlanarF32;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;

class LesionPatchesTest {

    // 20 mm across: a 48 mm field of view, 60 x 40 voxels at 0.8 x 1.2 mm
    private static final LesionCandidates.Candidate LESION = new LesionCandidates.Candidate(1, 100,
            new double[] {50.3, 40.6, 6}, 4000, 20, 6, 40, 60);

    private static Volume ramp() {
        Volume v = Volume.create(120, 90, 12, VoxelGeometry.of(0.8, 1.2, 2.5));
        for (int k = 0; k < v.depth(); k++) {
            for (int j = 0; j < v.height(); j++) {
                for (int i = 0; i < v.width(); i++) {
                    v.set(i, j, k, 10 * i + 1000 * j);
                }
            }
        }
        return v;
    }

    @Test
    void aPatchPlacedBackLandsWhereItWasCut() {
        Volume ct = ramp();
        GrayF32 patch = LesionPatches.cut(ct, LESION, "lesion");
        Volume back = Volume.create(ct.width(), ct.height(), ct.depth(), ct.geometry());
        LesionPatches.place(back, LESION, patch);
        int covered = 0;
        for (int j = 0; j < ct.height(); j++) {
            for (int i = 0; i < ct.width(); i++) {
                float placed = back.get(i, j, LESION.slice());
                if (placed != 0) {
                    covered++;
                    // nearest patch pixel against the voxel's own value: within one patch pixel of the ramp
                    assertTrue(Math.abs(placed - ct.get(i, j, LESION.slice())) <= 10 * 1.0 + 1000 * 0.7,
                            i + "," + j + ": " + placed + " for " + ct.get(i, j, LESION.slice()));
                }
            }
        }
        assertEquals(60 * 40, covered, 2 * 60 + 2 * 40, "the field of view in voxels");
        for (int k = 0; k < ct.depth(); k++) {
            if (k != LESION.slice()) {
                assertEquals(0f, back.get(50, 40, k), "only the lesion's slice is drawn on");
            }
        }
    }

    @Test
    void aHotSpotLandsOnItsVoxelAndOverlapsKeepTheLarger() {
        Volume back = Volume.create(120, 90, 12, VoxelGeometry.of(0.8, 1.2, 2.5));
        GrayF32 spot = GrayF32.create(LesionPatches.SIDE, LesionPatches.SIDE);
        spot.set(16, 16, 1f);
        LesionPatches.place(back, LESION, spot);
        GrayF32 faint = GrayF32.create(LesionPatches.SIDE, LesionPatches.SIDE);
        for (int v = 0; v < LesionPatches.SIDE; v++) {
            for (int u = 0; u < LesionPatches.SIDE; u++) {
                faint.set(u, v, 0.2f);
            }
        }
        LesionPatches.place(back, LESION, faint);
        // patch pixel 16 starts at the centre: 1.5 mm = 1.9 voxels wide in x, 1.25 voxels in y
        assertEquals(1f, back.get(51, 41, 6));
        assertEquals(0.2f, back.get(47, 37, 6));
        assertThrows(IllegalArgumentException.class, () -> LesionPatches.place(back, LESION, GrayF32.create(8, 8)));
    }

    @Test
    void aStackHoldsTheNeighbouringSlicesFromTheTopWithTheCutPatchInTheMiddle() {
        Volume ct = ramp();
        for (int k = 0; k < ct.depth(); k++) {
            for (int j = 0; j < ct.height(); j++) {
                for (int i = 0; i < ct.width(); i++) {
                    ct.set(i, j, k, ct.get(i, j, k) + 100_000 * k);
                }
            }
        }
        PlanarF32 stack = LesionPatches.stack(ct, LESION, 3, "lesion");
        assertEquals(3, stack.bands());
        GrayF32 middle = LesionPatches.cut(ct, LESION, "lesion");
        for (int b = 0; b < 3; b++) {
            GrayF32 expected = LesionPatches.cut(ct, LESION, LESION.slice() - 1 + b, "lesion");
            for (int v = 0; v < LesionPatches.SIDE; v++) {
                for (int u = 0; u < LesionPatches.SIDE; u++) {
                    assertEquals(expected.get(u, v), stack.get(u, v, b));
                }
            }
        }
        assertEquals(middle.get(16, 16), stack.get(16, 16, 1));
        assertEquals(100_000, stack.get(16, 16, 2) - stack.get(16, 16, 1), 0.5, "the band below is the next slice");
        assertEquals("lesion", stack.metadata().name());
        assertThrows(IllegalArgumentException.class, () -> LesionPatches.stack(ct, LESION, 2, "even"));
    }
}
