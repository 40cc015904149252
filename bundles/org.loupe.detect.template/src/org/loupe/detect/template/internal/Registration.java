package org.loupe.detect.template.internal;

/**
 * Finds the translation that best aligns a template with the tested board: the shift within a search radius that
 * minimises the fraction of binarised pixels that disagree. DeepPCB's pairs are aligned to within a few pixels; a
 * pair that still disagrees on much of its area after the best shift is not a pair of the same board.
 *
 * <p>Every shift is scored on every pixel: rows are packed 64 pixels to a word, so a shift costs one XOR and one
 * population count per 64 pixels (the template's rows are re-cut by word shifts once per horizontal shift).
 */
final class Registration {

    /** Border left out of the comparison, so every shift compares the same pixels. */
    private static final int MARGIN = 8;

    /**
     * The best shift: template pixel (x + dx, y + dy) corresponds to test pixel (x, y).
     *
     * @param mismatch fraction of compared pixels that disagree at this shift
     */
    record Shift(int dx, int dy, double mismatch) {
    }

    private Registration() {
    }

    /** Searches every shift within {@code radius}; the board must be wider and taller than 2 (radius + 8). */
    static Shift find(Board test, Board template, int radius) {
        int edge = radius + MARGIN;
        int w = test.width();
        int h = test.height();
        int n = w - 2 * edge;
        long[][] a = new long[h][];
        long[][] t = new long[h][];
        for (int y = 0; y < h; y++) {
            a[y] = cut(pack(test.bright(), y * w, w), edge, n);
            t[y] = pack(template.bright(), y * w, w);
        }
        int bestDx = 0;
        int bestDy = 0;
        long best = Long.MAX_VALUE;
        for (int dx = -radius; dx <= radius; dx++) {
            long[][] b = new long[h][];
            for (int y = edge - radius; y < h - edge + radius; y++) {
                b[y] = cut(t[y], edge + dx, n);
            }
            for (int dy = -radius; dy <= radius; dy++) {
                long m = 0;
                for (int y = edge; y < h - edge; y++) {
                    long[] ra = a[y];
                    long[] rb = b[y + dy];
                    for (int k = 0; k < ra.length; k++) {
                        m += Long.bitCount(ra[k] ^ rb[k]);
                    }
                }
                // ties go to the smaller shift, so a blank region does not wander
                if (m < best || m == best && Math.abs(dx) + Math.abs(dy) < Math.abs(bestDx) + Math.abs(bestDy)) {
                    best = m;
                    bestDx = dx;
                    bestDy = dy;
                }
            }
        }
        return new Shift(bestDx, bestDy, best / ((double) n * (h - 2 * edge)));
    }

    /** Bits {@code start .. start + n - 1} of a packed row, packed from bit 0 (the rest of the last word zero). */
    private static long[] cut(long[] row, int start, int n) {
        long[] out = new long[(n + 63) >>> 6];
        int word = start >>> 6;
        int bit = start & 63;
        for (int k = 0; k < out.length; k++) {
            long lo = row[word + k] >>> bit;
            long hi = bit == 0 || word + k + 1 >= row.length ? 0 : row[word + k + 1] << (64 - bit);
            out[k] = lo | hi;
        }
        if ((n & 63) != 0) {
            out[out.length - 1] &= (1L << (n & 63)) - 1;
        }
        return out;
    }

    /** Packs {@code n} zero-or-one bytes from {@code offset} into words, the first pixel in the lowest bit. */
    private static long[] pack(byte[] bits, int offset, int n) {
        long[] words = new long[(n + 63) >>> 6];
        for (int i = 0; i < n; i++) {
            words[i >>> 6] |= (long) bits[offset + i] << (i & 63);
        }
        return words;
    }
}
