package org.loupe.detect.template.internal;

/**
 * Binary erosion and dilation with square structuring elements, done separably (a row pass, then a column pass), on
 * masks of zeros and ones. Pixels outside the image count as zero.
 */
final class Morphology {

    private Morphology() {
    }

    /** Erosion with a (2r+1) x (2r+1) square. */
    static byte[] erode(byte[] mask, int w, int h, int r) {
        return columns(rows(mask, w, h, r, true), w, h, r, true);
    }

    /** Dilation with a (2r+1) x (2r+1) square. */
    static byte[] dilate(byte[] mask, int w, int h, int r) {
        return columns(rows(mask, w, h, r, false), w, h, r, false);
    }

    private static byte[] rows(byte[] in, int w, int h, int r, boolean min) {
        byte[] out = new byte[in.length];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                out[row + x] = window(in, row, x, w, 1, r, min);
            }
        }
        return out;
    }

    private static byte[] columns(byte[] in, int w, int h, int r, boolean min) {
        byte[] out = new byte[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = window(in, x, y, h, w, r, min);
            }
        }
        return out;
    }

    /** Min or max over positions {@code i - r .. i + r} of a line starting at {@code base} with {@code step}. */
    private static byte window(byte[] in, int base, int i, int length, int step, int r, boolean min) {
        for (int k = i - r; k <= i + r; k++) {
            boolean inside = k >= 0 && k < length;
            byte v = inside ? in[base + k * step] : 0;
            if (min && v == 0) {
                return 0;
            }
            if (!min && v != 0) {
                return 1;
            }
        }
        return (byte) (min ? 1 : 0);
    }
}
