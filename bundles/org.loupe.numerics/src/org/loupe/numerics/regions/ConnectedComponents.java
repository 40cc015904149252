package org.loupe.numerics.regions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Connected regions of the pixels a test picks out, by flood fill with an explicit stack: what detectors (difference
 * blobs, dark spots) and segmenters need instead of each writing its own. Components come in raster order of their
 * first pixel, so results do not depend on the traversal.
 */
public final class ConnectedComponents {

    /** Which neighbours join pixels into one component. */
    public enum Connectivity {
        /** Left, right, up and down. */
        FOUR,
        /** The four and the diagonals. */
        EIGHT
    }

    /**
     * One component.
     *
     * @param x1     left, inclusive
     * @param y1     top, inclusive
     * @param x2     right, exclusive
     * @param y2     bottom, exclusive
     * @param pixels its pixels' indices ({@code y * width + x}), in the order they were reached
     */
    public record Component(int x1, int y1, int x2, int y2, int[] pixels) {

        /** Its number of pixels. */
        public int area() {
            return pixels.length;
        }
    }

    private ConnectedComponents() {
    }

    /**
     * The components of the pixels for which {@code inside} holds.
     *
     * @param inside  tests a pixel index {@code y * width + x}
     * @param minArea smaller components are dropped
     */
    public static List<Component> find(int width, int height, IntPredicate inside, Connectivity connectivity,
            int minArea) {
        List<Component> found = new ArrayList<>();
        boolean[] seen = new boolean[width * height];
        int[] stack = new int[width * height];
        int[] members = new int[width * height];
        boolean eight = connectivity == Connectivity.EIGHT;
        for (int start = 0; start < seen.length; start++) {
            if (seen[start] || !inside.test(start)) {
                continue;
            }
            int top = 0;
            int count = 0;
            stack[top++] = start;
            seen[start] = true;
            int x1 = width;
            int y1 = height;
            int x2 = -1;
            int y2 = -1;
            while (top > 0) {
                int p = stack[--top];
                members[count++] = p;
                int px = p % width;
                int py = p / width;
                x1 = Math.min(x1, px);
                x2 = Math.max(x2, px);
                y1 = Math.min(y1, py);
                y2 = Math.max(y2, py);
                for (int ny = Math.max(0, py - 1); ny <= Math.min(height - 1, py + 1); ny++) {
                    for (int nx = Math.max(0, px - 1); nx <= Math.min(width - 1, px + 1); nx++) {
                        boolean diagonal = nx != px && ny != py;
                        int q = ny * width + nx;
                        if ((eight || !diagonal) && !seen[q] && inside.test(q)) {
                            seen[q] = true;
                            stack[top++] = q;
                        }
                    }
                }
            }
            if (count >= minArea) {
                found.add(new Component(x1, y1, x2 + 1, y2 + 1, Arrays.copyOf(members, count)));
            }
        }
        return found;
    }
}
