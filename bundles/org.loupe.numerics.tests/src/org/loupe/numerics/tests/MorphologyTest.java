package org.loupe.numerics.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.loupe.numerics.regions.Morphology;

/** {@link Morphology} against the definitions of erosion and dilation, pixel by pixel, on random masks. */
class MorphologyTest {

    private static final int W = 37;
    private static final int H = 23;

    private static byte[] randomMask(long seed, double density) {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] m = new byte[W * H];
        for (int i = 0; i < m.length; i++) {
            m[i] = (byte) (rnd.nextDouble() < density ? 1 : 0);
        }
        return m;
    }

    /** Min (erosion) or max (dilation) over the square, counting pixels outside the image as zero. */
    private static byte[] byDefinition(byte[] m, int r, boolean erode) {
        byte[] out = new byte[m.length];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean all = true;
                boolean any = false;
                for (int dy = -r; dy <= r; dy++) {
                    for (int dx = -r; dx <= r; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        boolean one = xx >= 0 && yy >= 0 && xx < W && yy < H && m[yy * W + xx] != 0;
                        all &= one;
                        any |= one;
                    }
                }
                out[y * W + x] = (byte) ((erode ? all : any) ? 1 : 0);
            }
        }
        return out;
    }

    @Test
    void erosionKeepsExactlyThePixelsWhoseWholeSquareIsSet() {
        for (int r = 1; r <= 3; r++) {
            for (long seed = 1; seed <= 5; seed++) {
                byte[] m = randomMask(seed, 0.85);
                assertArrayEquals(byDefinition(m, r, true), Morphology.erode(m, W, H, r), "r=" + r + " seed=" + seed);
            }
        }
    }

    @Test
    void dilationSetsExactlyThePixelsWithAnySetPixelInTheirSquare() {
        for (int r = 1; r <= 3; r++) {
            for (long seed = 1; seed <= 5; seed++) {
                byte[] m = randomMask(seed, 0.05);
                assertArrayEquals(byDefinition(m, r, false), Morphology.dilate(m, W, H, r), "r=" + r + " seed="
                        + seed);
            }
        }
    }
}
