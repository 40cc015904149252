package org.loupe.detect.template.internal;

import java.util.ArrayList;
import java.util.List;

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

    /** Bounding boxes of 8-connected components of ones, by flood fill with an explicit stack. */
    static List<int[]> components(byte[] mask, int w, int h, int minArea) {
        List<int[]> boxes = new ArrayList<>();
        boolean[] seen = new boolean[w * h];
        int[] stack = new int[w * h];
        for (int start = 0; start < mask.length; start++) {
            if (mask[start] == 0 || seen[start]) {
                continue;
            }
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            int x1 = w;
            int y1 = h;
            int x2 = -1;
            int y2 = -1;
            int area = 0;
            while (top > 0) {
                int p = stack[--top];
                int px = p % w;
                int py = p / w;
                area++;
                x1 = Math.min(x1, px);
                x2 = Math.max(x2, px);
                y1 = Math.min(y1, py);
                y2 = Math.max(y2, py);
                for (int ny = Math.max(0, py - 1); ny <= Math.min(h - 1, py + 1); ny++) {
                    for (int nx = Math.max(0, px - 1); nx <= Math.min(w - 1, px + 1); nx++) {
                        int q = ny * w + nx;
                        if (mask[q] != 0 && !seen[q]) {
                            seen[q] = true;
                            stack[top++] = q;
                        }
                    }
                }
            }
            if (area >= minArea) {
                boxes.add(new int[] {x1, y1, x2 + 1, y2 + 1});
            }
        }
        return boxes;
    }
}
