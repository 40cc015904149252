package org.loupe.detect.template.internal;

import java.util.List;
import org.loupe.numerics.regions.ConnectedComponents;
import org.loupe.numerics.regions.Morphology;

/**
 * Candidate defects from the difference of an aligned pair: pixels where the binarised board and template disagree,
 * cleaned by an opening (a 3x3 erosion removes the one-pixel seams that etching and alignment leave along every
 * edge), grown by one more pixel so the pieces of one defect join, then split into 8-connected components.
 */
final class DifferenceComponents {

    private DifferenceComponents() {
    }

    /**
     * The components' bounding boxes as {x1, y1, x2, y2} (exclusive ends), in the test image's coordinates.
     *
     * @param minArea components of fewer pixels (after cleaning) are dropped
     */
    static List<int[]> find(Board test, Board template, Registration.Shift shift, int minArea) {
        int w = test.width();
        int h = test.height();
        byte[] diff = new byte[w * h];
        byte[] a = test.bright();
        byte[] b = template.bright();
        for (int y = 0; y < h; y++) {
            int ty = y + shift.dy();
            if (ty < 0 || ty >= h) {
                continue;
            }
            for (int x = 0; x < w; x++) {
                int tx = x + shift.dx();
                if (tx >= 0 && tx < w) {
                    diff[y * w + x] = (byte) (a[y * w + x] ^ b[ty * w + tx]);
                }
            }
        }
        byte[] cleaned = Morphology.dilate(Morphology.erode(diff, w, h, 1), w, h, 2);
        return components(cleaned, w, h, minArea);
    }

    /** Bounding boxes of 8-connected components of ones. */
    static List<int[]> components(byte[] mask, int w, int h, int minArea) {
        return ConnectedComponents.find(w, h, i -> mask[i] != 0, ConnectedComponents.Connectivity.EIGHT, minArea)
                .stream().map(c -> new int[] {c.x1(), c.y1(), c.x2(), c.y2()}).toList();
    }
}
