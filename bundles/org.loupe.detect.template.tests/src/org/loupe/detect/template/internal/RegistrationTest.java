package org.loupe.detect.template.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Registration}'s packed search against a pixel-by-pixel count of the disagreeing pixels. */
class RegistrationTest {

    private static final int W = 150; // not a multiple of 64, so the last word of each row is partial
    private static final int H = 90;

    /** Random blobs of copper: a board whose mismatch grows with every pixel of shift. */
    private static byte[] board(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] b = new byte[W * H];
        for (int k = 0; k < 40; k++) {
            int cx = rnd.nextInt(W);
            int cy = rnd.nextInt(H);
            int s = 3 + rnd.nextInt(10);
            for (int y = Math.max(0, cy - s); y < Math.min(H, cy + s); y++) {
                for (int x = Math.max(0, cx - s); x < Math.min(W, cx + s); x++) {
                    b[y * W + x] = 1;
                }
            }
        }
        return b;
    }

    /** The template moved by (dx, dy): template pixel (x + dx, y + dy) shows board pixel (x, y). */
    private static byte[] moved(byte[] b, int dx, int dy) {
        byte[] t = new byte[b.length];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int sx = x - dx;
                int sy = y - dy;
                t[y * W + x] = sx >= 0 && sy >= 0 && sx < W && sy < H ? b[sy * W + sx] : 0;
            }
        }
        return t;
    }

    @Test
    void findsTheShiftThatMovedTheTemplateAndCountsNoMismatchThere() {
        for (int[] shift : new int[][] {{0, 0}, {3, -2}, {-4, 4}, {1, 3}}) {
            byte[] b = board(shift[0] * 31L + shift[1]);
            Registration.Shift found = Registration.find(board(b), board(moved(b, shift[0], shift[1])), 4);
            assertEquals(shift[0], found.dx());
            assertEquals(shift[1], found.dy());
            assertEquals(0, found.mismatch(), 1e-12);
        }
    }

    @Test
    void reportsTheSmallestFractionOfDisagreeingPixelsOverAllShifts() {
        byte[] b = board(7);
        byte[] t = board(8);
        int radius = 2;
        Registration.Shift found = Registration.find(board(b), board(t), radius);
        long least = Long.MAX_VALUE;
        for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
                least = Math.min(least, differ(b, t, dx, dy, radius));
            }
        }
        int n = (W - 2 * (radius + 8)) * (H - 2 * (radius + 8));
        assertEquals(differ(b, t, found.dx(), found.dy(), radius) / (double) n, found.mismatch(), 1e-12);
        assertEquals(least / (double) n, found.mismatch(), 1e-12);
    }

    private static long differ(byte[] b, byte[] t, int dx, int dy, int radius) {
        int edge = radius + 8;
        long n = 0;
        for (int y = edge; y < H - edge; y++) {
            for (int x = edge; x < W - edge; x++) {
                n += b[y * W + x] ^ t[(y + dy) * W + x + dx];
            }
        }
        return n;
    }

    private static Board board(byte[] bits) {
        return new Board(new float[bits.length], bits, W, H);
    }
}
