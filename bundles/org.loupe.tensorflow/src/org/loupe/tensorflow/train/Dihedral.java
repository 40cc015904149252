package org.loupe.tensorflow.train;

/**
 * The eight symmetries of a square (mirrorings and rotations by multiples of 90 degrees), the augmentation for
 * images whose content has no preferred orientation. Symmetry {@code t}: bit 2 mirrors, bits 0-1 rotate by 90
 * degrees that many times.
 */
public final class Dihedral {

    /** Number of symmetries. */
    public static final int COUNT = 8;

    private Dihedral() {
    }

    /** The source pixel (as {@code y * side + x}) that lands on output pixel (x, y) under symmetry t. */
    public static int sourceIndex(int x, int y, int side, int t) {
        int sx = (t & 4) != 0 ? side - 1 - x : x;
        int sy = y;
        for (int r = 0; r < (t & 3); r++) {
            int tmp = sx;
            sx = sy;
            sy = side - 1 - tmp;
        }
        return sy * side + sx;
    }

    /**
     * Writes a square NHWC patch ({@code side x side}, channels fastest) from {@code src} at {@code srcOffset} into
     * {@code dst} at {@code dstOffset}, turned by symmetry t.
     */
    public static void turn(float[] src, int srcOffset, int side, int channels, int t, float[] dst, int dstOffset) {
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int from = srcOffset + sourceIndex(x, y, side, t) * channels;
                int to = dstOffset + (y * side + x) * channels;
                System.arraycopy(src, from, dst, to, channels);
            }
        }
    }

    /**
     * Turns a box {x1, y1, x2, y2} given as fractions of the square's side (at {@code offset} in {@code box}) by
     * symmetry t, so that it frames the same content in the turned patch.
     */
    public static void turnBox(float[] box, int offset, int t) {
        float[] a = forward(box[offset], box[offset + 1], t);
        float[] b = forward(box[offset + 2], box[offset + 3], t);
        box[offset] = Math.min(a[0], b[0]);
        box[offset + 1] = Math.min(a[1], b[1]);
        box[offset + 2] = Math.max(a[0], b[0]);
        box[offset + 3] = Math.max(a[1], b[1]);
    }

    /** Where source point (u, v) (fractions of the side) lands: the inverse of {@link #sourceIndex}'s mapping. */
    private static float[] forward(float u, float v, int t) {
        for (int r = 0; r < (t & 3); r++) {
            float tmp = u;
            u = 1 - v;
            v = tmp;
        }
        return new float[] {(t & 4) != 0 ? 1 - u : u, v};
    }
}
