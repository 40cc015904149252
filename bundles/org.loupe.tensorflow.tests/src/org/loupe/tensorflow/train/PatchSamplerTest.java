package org.loupe.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.loupe.api.ProcessingContext;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.numerics.resample.Interpolation;
import org.loupe.numerics.resample.Resize;
import org.loupe.testing.SyntheticImages;

class PatchSamplerTest {

    private static PixelImage scene(int w, int h, long seed) {
        return SyntheticImages.scene(ImageType.GRAY_F32, w, h, seed);
    }

    /** The image enlarged by pixel replication: every target pixel has a known source pixel. */
    private static PixelImage replicated(PixelImage in, int factor) {
        PixelImage out = PixelImage.create(in.type(), in.width() * factor, in.height() * factor);
        for (int y = 0; y < out.height(); y++) {
            for (int x = 0; x < out.width(); x++) {
                out.setFloat(x, y, 0, in.getFloat(x / factor, y / factor, 0));
            }
        }
        return out;
    }

    @Test
    void aBatchDependsOnlyOnItsIndexAndTheSeed() {
        PatchSampler a = TinyDenoiser.sampler(3);
        PatchSampler b = TinyDenoiser.sampler(3);
        assertArrayEquals(a.batch(5).input(), b.batch(5).input());
        assertArrayEquals(a.batch(5).target(), b.batch(5).target());
        b.batch(6);
        assertArrayEquals(a.batch(7).input(), b.batch(7).input());
        assertFalse(Arrays.equals(a.batch(5).input(), a.batch(6).input()));
    }

    @Test
    void inputAndTargetPatchesStayAlignedUnderFlipsAndRotations() {
        PixelImage in = scene(40, 30, 1);
        PatchSampler s = new PatchSampler(List.of(new PatchSampler.Pair(in, replicated(in, 2))), 8, 2, 16, 1, 1,
                new PatchSampler.Augmentation(true, 1), 9);
        Batch b = s.batch(0);
        assertArrayEquals(new long[] {16, 8, 8, 1}, b.inputShape());
        assertArrayEquals(new long[] {16, 16, 16, 1}, b.targetShape());
        for (int n = 0; n < 16; n++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    assertEquals(b.input()[(n * 8 + y) * 8 + x], b.target()[(n * 16 + 2 * y) * 16 + 2 * x],
                            "sample " + n + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void dihedralAugmentationProducesAllEightOrientations() {
        PixelImage in = scene(12, 12, 2);
        PatchSampler s = new PatchSampler(List.of(new PatchSampler.Pair(in, in)), 12, 1, 64, 1, 1,
                new PatchSampler.Augmentation(true, 1), 4);
        float[] all = s.batch(0).input();
        Set<List<Float>> distinct = new HashSet<>();
        for (int n = 0; n < 64; n++) {
            Float[] patch = new Float[144];
            for (int i = 0; i < 144; i++) {
                patch[i] = all[n * 144 + i];
            }
            distinct.add(List.of(patch));
        }
        assertEquals(8, distinct.size());
    }

    @Test
    void scalingShowsALargerAreaShrunkWithTheAntialiasedBicubicFilter() throws Exception {
        PixelImage in = scene(32, 32, 3);
        PatchSampler s = new PatchSampler(List.of(new PatchSampler.Pair(in, in)), 16, 1, 1, 1, 1,
                new PatchSampler.Augmentation(false, 0.5), 5);
        PixelImage expected = Resize.toSize(in, 16, 16, Interpolation.BICUBIC, true, ProcessingContext.none());
        float[] got = s.batch(0).input();
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                assertEquals(expected.getFloat(x, y, 0), got[y * 16 + x]);
            }
        }
    }

    @Test
    void samplesAreDividedByTheScales() {
        PixelImage in = SyntheticImages.constant(ImageType.GRAY_U8, 8, 8, 51);
        PatchSampler s = new PatchSampler(List.of(new PatchSampler.Pair(in, in)), 4, 1, 2, 255, 51,
                PatchSampler.Augmentation.none(), 1);
        Batch b = s.batch(0);
        assertEquals(0.2f, b.input()[0], 1e-7);
        assertEquals(1f, b.target()[0]);
    }

    @Test
    void preferringDetailDrawsFewerPatchesFromFlatAreas() {
        PixelImage texture = scene(32, 16, 6);
        PixelImage half = PixelImage.create(ImageType.GRAY_F32, 64, 16);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 64; x++) {
                half.setFloat(x, y, 0, x < 32 ? 0.5f : texture.getFloat(x - 32, y, 0));
            }
        }
        PatchSampler uniform = new PatchSampler(List.of(new PatchSampler.Pair(half, half)), 8, 1, 200, 1, 1,
                PatchSampler.Augmentation.none(), 7);
        // a patch lies wholly in the flat half for 25 of the 57 positions: 44% of uniform draws, 4% of best-of-4
        assertTrue(flatPatches(uniform.batch(0), 64) > 60);
        assertTrue(flatPatches(uniform.preferDetail(4).batch(0), 64) < 25);
        assertArrayEquals(uniform.batch(3).input(), uniform.preferDetail(1).batch(3).input());
        assertThrows(IllegalArgumentException.class, () -> uniform.preferDetail(0));
    }

    private static int flatPatches(Batch b, int pixels) {
        int flat = 0;
        for (int n = 0; n < b.input().length / pixels; n++) {
            float[] p = Arrays.copyOfRange(b.input(), n * pixels, (n + 1) * pixels);
            float min = p[0];
            float max = p[0];
            for (float v : p) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            flat += max == min ? 1 : 0;
        }
        return flat;
    }

    @Test
    void pairsThatCannotBeSampledAreRejected() {
        PixelImage in = scene(20, 20, 4);
        PatchSampler.Augmentation none = PatchSampler.Augmentation.none();
        assertThrows(IllegalArgumentException.class, () -> new PatchSampler(
                List.of(new PatchSampler.Pair(in, in)), 8, 2, 4, 1, 1, none, 1));
        assertThrows(IllegalArgumentException.class, () -> new PatchSampler(
                List.of(new PatchSampler.Pair(in, in)), 32, 1, 4, 1, 1, none, 1));
        assertThrows(IllegalArgumentException.class, () -> new PatchSampler.Augmentation(true, 1.5));
    }
}
