package org.loupe.detect.template.internal;

/**
 * Finds the translation that best aligns a template with the tested board: the shift within a search radius that
 * minimises the fraction of binarised pixels that disagree. DeepPCB's pairs are aligned to within a few pixels; a
 * pair that still disagrees on much of its area after the best shift is not a pair of the same board.
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

    /**
     * Searches every shift within {@code radius}, comparing every {@code stride}-th pixel in each direction (the
     * estimate needs only a sample of the board), then reports the full-resolution mismatch of the winner.
     */
    static Shift find(Board test, Board template, int radius, int stride) {
        int bestDx = 0;
        int bestDy = 0;
        long best = Long.MAX_VALUE;
        for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
                long m = mismatches(test, template, dx, dy, radius, stride);
                // ties go to the smaller shift, so a blank region does not wander
                if (m < best || m == best && Math.abs(dx) + Math.abs(dy) < Math.abs(bestDx) + Math.abs(bestDy)) {
                    best = m;
                    bestDx = dx;
                    bestDy = dy;
                }
            }
        }
        long compared = (long) (test.width() - 2 * (radius + MARGIN)) * (test.height() - 2 * (radius + MARGIN));
        return new Shift(bestDx, bestDy, mismatches(test, template, bestDx, bestDy, radius, 1) / (double) compared);
    }

    private static long mismatches(Board test, Board template, int dx, int dy, int radius, int stride) {
        int w = test.width();
        int edge = radius + MARGIN;
        byte[] a = test.bright();
        byte[] b = template.bright();
        long m = 0;
        for (int y = edge; y < test.height() - edge; y += stride) {
            int ra = y * w;
            int rb = (y + dy) * w + dx;
            for (int x = edge; x < w - edge; x += stride) {
                m += a[ra + x] ^ b[rb + x];
            }
        }
        return m;
    }
}
