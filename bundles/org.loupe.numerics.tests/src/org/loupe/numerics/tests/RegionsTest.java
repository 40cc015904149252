package org.loupe.numerics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loupe.numerics.regions.ConnectedComponents;
import org.loupe.numerics.regions.ConnectedComponents.Component;
import org.loupe.numerics.regions.ConnectedComponents.Connectivity;
import org.loupe.numerics.stats.Otsu;

/** The shared region tools detectors and segmenters use instead of their own copies. */
class RegionsTest {

    /**
     * 0 1 0 0 1
     * 1 0 0 0 1
     * 0 0 0 1 1
     */
    private static final int[] MASK = {0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1};

    @Test
    void diagonalNeighboursJoinOnlyUnderEightConnectivity() {
        List<Component> four = ConnectedComponents.find(5, 3, i -> MASK[i] != 0, Connectivity.FOUR, 1);
        List<Component> eight = ConnectedComponents.find(5, 3, i -> MASK[i] != 0, Connectivity.EIGHT, 1);
        assertEquals(3, four.size(), "the two diagonal pixels on the left stay apart");
        assertEquals(2, eight.size());
        Component left = eight.get(0);
        assertEquals(List.of(0, 0, 2, 2), List.of(left.x1(), left.y1(), left.x2(), left.y2()));
        assertEquals(2, left.area());
        Component right = eight.get(1);
        assertEquals(List.of(3, 0, 5, 3), List.of(right.x1(), right.y1(), right.x2(), right.y2()));
        assertEquals(4, right.area());
    }

    @Test
    void componentsComeInRasterOrderAndSmallOnesAreDropped() {
        List<Component> big = ConnectedComponents.find(5, 3, i -> MASK[i] != 0, Connectivity.FOUR, 2);
        assertEquals(1, big.size());
        assertEquals(3, big.get(0).x1());
        assertTrue(ConnectedComponents.find(5, 3, i -> false, Connectivity.EIGHT, 1).isEmpty());
    }

    @Test
    void otsuCutsTheMiddleOfTheGapOfANearBinaryImage() {
        float[] grey = new float[100];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = i < 60 ? 0.1f : 0.9f;
        }
        double t = Otsu.threshold(grey);
        // levels 0.1 and 0.9 fall in bins 26 and 230: the cut is the middle of the empty bins between them
        assertEquals(((26 + 229) / 2.0 + 0.5) / 255, t, 1e-12);
        assertEquals(0.5, Otsu.threshold(new float[] {0.3f, 0.3f, 0.3f}), 1e-12, "one level: mid-scale");
    }
}
