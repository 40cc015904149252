package org.loupe.numerics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.loupe.numerics.regions.BinaryVolume;

/** The 3-D mask operations region segmentation in volumes is built from. */
class BinaryVolumeTest {

    private static final int W = 9;
    private static final int H = 8;
    private static final int D = 5;

    private static int at(int i, int j, int k) {
        return (k * H + j) * W + i;
    }

    private static int count(boolean[] m) {
        int n = 0;
        for (boolean b : m) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** A 5x5x3 box at (1..5, 1..5, 1..3) and a single voxel at (8, 7, 4). */
    private static boolean[] boxAndSpeck() {
        boolean[] m = new boolean[W * H * D];
        for (int k = 1; k <= 3; k++) {
            for (int j = 1; j <= 5; j++) {
                for (int i = 1; i <= 5; i++) {
                    m[at(i, j, k)] = true;
                }
            }
        }
        m[at(8, 7, 4)] = true;
        return m;
    }

    @Test
    void erosionPeelsOneFaceLayerAndDilationAddsOne() {
        boolean[] m = boxAndSpeck();
        boolean[] e = BinaryVolume.erode(m, W, H, D, 1);
        assertEquals(3 * 3 * 1, count(e), "the 5x5x3 box leaves its 3x3x1 core; the speck vanishes");
        assertTrue(e[at(3, 3, 2)]);
        boolean[] d = BinaryVolume.dilate(e, W, H, D, 1);
        // the core plus one voxel across each face: 9 + 4 * 3 + 2 * 9
        assertEquals(9 + 12 + 18, count(d));
    }

    @Test
    void theLargestComponentDropsTheSpeck() {
        boolean[] l = BinaryVolume.largestComponent(boxAndSpeck(), W, H, D);
        assertEquals(75, count(l));
        assertFalse(l[at(8, 7, 4)]);
        assertEquals(0, count(BinaryVolume.largestComponent(new boolean[W * H * D], W, H, D)));
    }

    @Test
    void holesAreFilledSliceBySliceButNotOpenBays() {
        boolean[] m = boxAndSpeck();
        m[at(3, 3, 2)] = false;
        m[at(1, 3, 2)] = false;
        boolean[] f = BinaryVolume.fillHolesPerSlice(m, W, H, D);
        assertTrue(f[at(3, 3, 2)], "an enclosed hole is filled");
        assertFalse(f[at(1, 3, 2)], "a bay open to the background stays open");
        assertEquals(count(boxAndSpeck()) - 1, count(f));
    }

    @Test
    void closingInPlaneFillsANarrowBayButKeepsTheOutlineAndTheImageBorder() {
        boolean[] m = boxAndSpeck();
        m[at(1, 3, 2)] = false;
        m[at(2, 3, 2)] = false;
        boolean[] c = BinaryVolume.closeInPlane(m, W, H, D, 1);
        assertTrue(c[at(1, 3, 2)] && c[at(2, 3, 2)], "the bay two voxels deep and one wide is filled");
        assertFalse(c[at(0, 3, 2)] || c[at(6, 3, 2)] || c[at(3, 6, 2)], "nothing grows outside the box");
        assertTrue(c[at(8, 7, 4)], "a speck at the image's corner is not eroded away by the border");
        assertEquals(0, count(BinaryVolume.closeInPlane(new boolean[W * H * D], W, H, D, 2)));
    }

    @Test
    void seedsGrowThroughTheMaskAndSplitItWhereTheyMeet() {
        boolean[] m = boxAndSpeck();
        int[] seeds = new int[m.length];
        seeds[at(1, 1, 1)] = 7;
        seeds[at(5, 5, 3)] = 9;
        seeds[at(0, 0, 0)] = 4; // outside the mask: ignored
        int[] g = BinaryVolume.grow(seeds, m, W, H, D);
        assertEquals(7, g[at(2, 1, 1)]);
        assertEquals(9, g[at(5, 4, 3)]);
        // (3, 3, 2) is 5 steps from either seed: the tie goes to the seed earlier in memory order
        assertEquals(7, g[at(3, 3, 2)]);
        assertEquals(0, g[at(0, 0, 0)], "not in the mask");
        assertEquals(0, g[at(8, 7, 4)], "no seed reaches the speck");
        int sevens = 0;
        int nines = 0;
        for (int l : g) {
            sevens += l == 7 ? 1 : 0;
            nines += l == 9 ? 1 : 0;
        }
        // 31 voxels nearer each seed, and the 13 at equal distance (5 steps) to the first
        assertEquals(31 + 13, sevens);
        assertEquals(31, nines);
    }
}
