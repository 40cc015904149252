package org.loupe.numerics.regions;

import java.util.Arrays;

/**
 * Binary operations on 3-D masks ({@code w x h x d}, x fastest): erosion and dilation by the 6-neighbour cross,
 * 3-D connected components (6-connectivity), seeded growing, and hole filling slice by slice. The building blocks
 * of region segmentation in volumes.
 */
public final class BinaryVolume {

    private BinaryVolume() {
    }

    /** The mask eroded {@code times} times by the face-neighbour cross (border voxels count as outside). */
    public static boolean[] erode(boolean[] m, int w, int h, int d, int times) {
        boolean[] a = m.clone();
        for (int t = 0; t < times; t++) {
            boolean[] b = new boolean[a.length];
            for (int k = 0; k < d; k++) {
                for (int j = 0; j < h; j++) {
                    for (int i = 0; i < w; i++) {
                        int p = (k * h + j) * w + i;
                        b[p] = a[p] && i > 0 && a[p - 1] && i < w - 1 && a[p + 1] && j > 0 && a[p - w] && j < h - 1
                                && a[p + w] && (d == 1 || k > 0 && a[p - w * h] && k < d - 1 && a[p + w * h]);
                    }
                }
            }
            a = b;
        }
        return a;
    }

    /** The mask dilated {@code times} times by the face-neighbour cross. */
    public static boolean[] dilate(boolean[] m, int w, int h, int d, int times) {
        boolean[] a = m.clone();
        for (int t = 0; t < times; t++) {
            boolean[] b = a.clone();
            for (int k = 0; k < d; k++) {
                for (int j = 0; j < h; j++) {
                    for (int i = 0; i < w; i++) {
                        int p = (k * h + j) * w + i;
                        if (a[p]) {
                            continue;
                        }
                        b[p] = i > 0 && a[p - 1] || i < w - 1 && a[p + 1] || j > 0 && a[p - w] || j < h - 1
                                && a[p + w] || k > 0 && a[p - w * h] || k < d - 1 && a[p + w * h];
                    }
                }
            }
            a = b;
        }
        return a;
    }

    /**
     * The mask closed in every axial slice by a square of side {@code 2 r + 1}: dilated, then eroded, so that bays
     * and notches narrower than the square fill in while the outline elsewhere stays (the image's border neither
     * grows nor erodes anything).
     */
    public static boolean[] closeInPlane(boolean[] m, int w, int h, int d, int r) {
        // closed on a copy padded by r on every side, so that the image's border neither grows nor erodes anything
        int pw = w + 2 * r;
        int ph = h + 2 * r;
        boolean[] padded = new boolean[pw * ph * d];
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < h; j++) {
                System.arraycopy(m, (k * h + j) * w, padded, (k * ph + j + r) * pw + r, w);
            }
        }
        boolean[] grown = squareDilate(padded, pw, ph, d, r);
        for (int p = 0; p < grown.length; p++) {
            grown[p] = !grown[p];
        }
        boolean[] shrunk = squareDilate(grown, pw, ph, d, r);
        boolean[] out = new boolean[m.length];
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < h; j++) {
                for (int i = 0; i < w; i++) {
                    out[(k * h + j) * w + i] = !shrunk[(k * ph + j + r) * pw + i + r];
                }
            }
        }
        return out;
    }

    /** Dilation by a {@code (2 r + 1)} square in each slice, as two separable passes of sliding counts. */
    private static boolean[] squareDilate(boolean[] m, int w, int h, int d, int r) {
        boolean[] rows = new boolean[m.length];
        boolean[] out = new boolean[m.length];
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < h; j++) {
                slide(m, rows, (k * h + j) * w, 1, w, r);
            }
            for (int i = 0; i < w; i++) {
                slide(rows, out, k * h * w + i, w, h, r);
            }
        }
        return out;
    }

    /** out[x] = any of in[x - r .. x + r] along one line of {@code n} samples {@code step} apart. */
    private static void slide(boolean[] in, boolean[] out, int base, int step, int n, int r) {
        int count = 0;
        for (int x = 0; x < Math.min(r, n); x++) {
            count += in[base + x * step] ? 1 : 0;
        }
        for (int x = 0; x < n; x++) {
            int enter = x + r;
            int leave = x - r - 1;
            count += enter < n && in[base + enter * step] ? 1 : 0;
            count -= leave >= 0 && in[base + leave * step] ? 1 : 0;
            out[base + x * step] = count > 0;
        }
    }

    /** The largest 6-connected component of the mask (ties: the first found); empty for an empty mask. */
    public static boolean[] largestComponent(boolean[] m, int w, int h, int d) {
        int[] label = components(m, w, h, d);
        int[] size = new int[m.length + 1];
        for (int l : label) {
            size[l]++;
        }
        int best = 0;
        for (int l = 1; l < size.length; l++) {
            if (size[l] > size[best] || best == 0 && size[l] > 0) {
                best = l;
            }
        }
        boolean[] out = new boolean[m.length];
        for (int p = 0; p < m.length; p++) {
            out[p] = best != 0 && label[p] == best;
        }
        return out;
    }

    /**
     * The 6-connected components of the mask: each voxel's component number, 1, 2, ... in the order their first
     * voxels come in memory, 0 outside the mask.
     */
    public static int[] components(boolean[] m, int w, int h, int d) {
        int[] label = new int[m.length];
        int[] queue = new int[m.length];
        int next = 0;
        for (int s = 0; s < m.length; s++) {
            if (!m[s] || label[s] != 0) {
                continue;
            }
            next++;
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            label[s] = next;
            while (head < tail) {
                int p = queue[head++];
                for (int q : faceNeighbours(p, w, h, d)) {
                    if (q >= 0 && m[q] && label[q] == 0) {
                        label[q] = next;
                        queue[tail++] = q;
                    }
                }
            }
        }
        return label;
    }

    /**
     * Grows labelled seeds through a mask, all at once and one face-neighbour step at a time: each voxel of {@code m}
     * takes the label of the seed it is nearest to in steps along paths inside {@code m} (ties are broken by memory
     * order); voxels of {@code m} no seed reaches, and voxels outside it, get 0. Seeds outside {@code m} are
     * ignored. Splits a region that holds several seeds where their growths meet.
     */
    public static int[] grow(int[] seeds, boolean[] m, int w, int h, int d) {
        int[] label = new int[m.length];
        int[] queue = new int[m.length];
        int tail = 0;
        for (int p = 0; p < m.length; p++) {
            if (m[p] && seeds[p] != 0) {
                label[p] = seeds[p];
                queue[tail++] = p;
            }
        }
        for (int head = 0; head < tail; head++) {
            int p = queue[head];
            for (int q : faceNeighbours(p, w, h, d)) {
                if (q >= 0 && m[q] && label[q] == 0) {
                    label[q] = label[p];
                    queue[tail++] = q;
                }
            }
        }
        return label;
    }

    /** The six face neighbours of voxel {@code p}, -1 where one would lie outside the volume. */
    private static int[] faceNeighbours(int p, int w, int h, int d) {
        int i = p % w;
        int j = (p / w) % h;
        int k = p / (w * h);
        return new int[] {i > 0 ? p - 1 : -1, i < w - 1 ? p + 1 : -1, j > 0 ? p - w : -1, j < h - 1 ? p + w : -1,
            k > 0 ? p - w * h : -1, k < d - 1 ? p + w * h : -1};
    }

    /** Fills, in every axial slice, the background regions that do not reach the slice's border (4-connected). */
    public static boolean[] fillHolesPerSlice(boolean[] m, int w, int h, int d) {
        boolean[] out = m.clone();
        boolean[] outside = new boolean[w * h];
        int[] queue = new int[w * h];
        for (int k = 0; k < d; k++) {
            int base = k * w * h;
            Arrays.fill(outside, false);
            int tail = 0;
            for (int i = 0; i < w; i++) {
                tail = seed(m, base, i, outside, queue, tail);
                tail = seed(m, base, (h - 1) * w + i, outside, queue, tail);
            }
            for (int j = 0; j < h; j++) {
                tail = seed(m, base, j * w, outside, queue, tail);
                tail = seed(m, base, j * w + w - 1, outside, queue, tail);
            }
            int head = 0;
            while (head < tail) {
                int p = queue[head++];
                int i = p % w;
                int j = p / w;
                if (i > 0) {
                    tail = seed(m, base, p - 1, outside, queue, tail);
                }
                if (i < w - 1) {
                    tail = seed(m, base, p + 1, outside, queue, tail);
                }
                if (j > 0) {
                    tail = seed(m, base, p - w, outside, queue, tail);
                }
                if (j < h - 1) {
                    tail = seed(m, base, p + w, outside, queue, tail);
                }
            }
            for (int p = 0; p < w * h; p++) {
                out[base + p] = !outside[p];
            }
        }
        return out;
    }

    private static int seed(boolean[] m, int base, int p, boolean[] outside, int[] queue, int tail) {
        if (!m[base + p] && !outside[p]) {
            outside[p] = true;
            queue[tail++] = p;
        }
        return tail;
    }
}
