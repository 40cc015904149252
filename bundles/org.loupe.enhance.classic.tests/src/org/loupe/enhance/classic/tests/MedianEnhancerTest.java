package org.loupe.enhance.classic.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.enhance.classic.internal.MedianEnhancer;
import org.loupe.image.GrayU16;
import org.loupe.image.ImageMetadata;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.volume.Plane;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;
import org.loupe.testing.ImageAssertions;
import org.loupe.testing.ImageEnhancerContract;
import org.loupe.testing.SyntheticImages;

class MedianEnhancerTest extends ImageEnhancerContract {

    private final MedianEnhancer enhancer = new MedianEnhancer();

    @Override
    protected ImageEnhancer enhancer() {
        return enhancer;
    }

    @Test
    void cleansDeadAndHotPixelsOfASixteenBitFrameKeepingItsDepth() throws LoupeException {
        PixelImage flat = SyntheticImages.constant(ImageType.GRAY_U16, 40, 30, 41_000);
        PixelImage out = enhancer.enhance(SyntheticImages.withImpulses(flat, 0.03, 5));
        assertEquals(ImageType.GRAY_U16, out.type());
        assertEquals(41_000, ((GrayU16) out).get(17, 11));
        ImageAssertions.assertSamePixels(flat, out.withMetadata(flat.metadata()));
    }

    @Test
    void evenWindowSizeIsAUsageErrorNamingTheParameter() {
        LoupeException e = assertThrows(LoupeException.class,
                () -> Parameters.bind(enhancer.parameters(), Map.of("size", "4")));
        assertEquals(LoupeException.Reason.USAGE, e.reason());
        assertEquals("parameter 'size': '4' is not valid, expected a whole number in [1, 99] in steps of 2 from 1",
                e.getMessage());
    }

    @Test
    void largerWindowUsesTheParameter() throws LoupeException {
        PixelImage img = SyntheticImages.scene(ImageType.GRAY_U8, 30, 30, 3);
        ProcessingContext five = ProcessingContext.of(Parameters.bind(enhancer.parameters(), Map.of("size", "5")));
        ProcessingContext three = ProcessingContext.of(Parameters.defaults(enhancer.parameters()));
        double diff = ImageAssertions.maxAbsDifference(enhancer.enhance(img, five), enhancer.enhance(img, three));
        assertEquals(true, diff > 0, "5x5 and 3x3 medians should differ on a noisy image");
    }

    private static Volume noisyVolume() {
        Volume v = Volume.create(13, 11, 6, VoxelGeometry.of(0.7, 0.7, 2));
        Random r = new Random(9);
        for (int i = 0; i < v.data().length; i++) {
            v.data()[i] = -100 + i % 13 * 10 + r.nextInt(5) + (r.nextInt(20) == 0 ? 3000 : 0);
        }
        return v;
    }

    @Test
    void filtersAVolumeSliceBySliceByDefault() throws LoupeException {
        Volume v = noisyVolume();
        ProcessingContext ctx = ProcessingContext.of(Parameters.defaults(enhancer.parameters()));
        Volume out = enhancer.enhance(v, ctx);
        for (int k = 0; k < v.depth(); k++) {
            ImageAssertions.assertSamePixels(enhancer.enhance(v.slice(Plane.AXIAL, k), ctx),
                    out.slice(Plane.AXIAL, k).withMetadata(ImageMetadata.EMPTY));
        }
        assertEquals(List.of("enhance.median@1.1.0"), out.metadata().provenance());
    }

    @Test
    void takesTheMedianOfTheThreeByThreeByThreeBoxWhenAskedForDepthThree() throws LoupeException {
        Volume v = noisyVolume();
        float[] before = v.data().clone();
        Volume out = enhancer.enhance(v, ProcessingContext.of(Parameters.bind(enhancer.parameters(),
                Map.of("depth", "3"))));
        for (int[] p : new int[][] {{0, 0, 0}, {6, 5, 3}, {12, 10, 5}, {1, 9, 2}}) {
            float[] box = new float[27];
            int n = 0;
            for (int dk = -1; dk <= 1; dk++) {
                for (int dj = -1; dj <= 1; dj++) {
                    for (int di = -1; di <= 1; di++) {
                        box[n++] = v.get(clamp(p[0] + di, 13), clamp(p[1] + dj, 11), clamp(p[2] + dk, 6));
                    }
                }
            }
            Arrays.sort(box);
            assertEquals(box[13], out.get(p[0], p[1], p[2]), Arrays.toString(p));
        }
        assertArrayEquals(before, v.data(), "the input volume is untouched");
    }

    private static int clamp(int x, int n) {
        return Math.max(0, Math.min(n - 1, x));
    }
}
