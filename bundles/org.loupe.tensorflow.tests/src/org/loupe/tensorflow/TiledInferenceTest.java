package org.loupe.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.PixelType;
import org.loupe.testing.SyntheticImages;

/** Tiling with overlap gives the whole-image result for models whose reach is within a quarter of the overlap. */
class TiledInferenceTest {

    /** A 3x3 mean with replicated borders, then pixel replication by {@code upscale}: receptive radius 1. */
    private static PixelImage model(PixelImage in, int upscale) {
        PixelImage out = PixelImage.create(ImageType.GRAY_F32, in.width() * upscale, in.height() * upscale);
        for (int y = 0; y < out.height(); y++) {
            for (int x = 0; x < out.width(); x++) {
                double sum = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int sx = Math.max(0, Math.min(in.width() - 1, x / upscale + dx));
                        int sy = Math.max(0, Math.min(in.height() - 1, y / upscale + dy));
                        sum += in.getFloat(sx, sy, 0);
                    }
                }
                out.setFloat(x, y, 0, (float) (sum / 9));
            }
        }
        return out;
    }

    private static void assertSame(PixelImage expected, PixelImage actual, double tolerance) {
        assertEquals(expected.width(), actual.width());
        assertEquals(expected.height(), actual.height());
        for (int y = 0; y < expected.height(); y++) {
            for (int x = 0; x < expected.width(); x++) {
                assertEquals(expected.getFloat(x, y, 0), actual.getFloat(x, y, 0), tolerance, "at " + x + "," + y);
            }
        }
    }

    @Test
    void tilesStartEveryTileMinusOverlapAndTheLastEndsAtTheEdge() {
        assertEquals(List.of(0, 24, 48, 68), TiledInference.starts(100, 32, 8));
        assertEquals(List.of(0), TiledInference.starts(32, 32, 8));
        assertEquals(List.of(0, 2), TiledInference.starts(34, 32, 8));
    }

    @Test
    void tiledEqualsWholeForAModelWithinTheOverlap() throws Exception {
        PixelImage in = SyntheticImages.scene(ImageType.GRAY_F32, 100, 70, 1);
        for (int upscale : new int[] {1, 2}) {
            AtomicInteger tiles = new AtomicInteger();
            PixelImage tiled = TiledInference.apply(in, 32, 8, upscale, PixelType.FLOAT32, t -> {
                tiles.incrementAndGet();
                return model(t, upscale);
            }, ProcessingContext.none());
            assertEquals(4 * 3, tiles.get());
            assertSame(model(in, upscale), tiled, 1e-6);
        }
    }

    @Test
    void aConvolutionModelGivesTheSameResultTiledAsWhole(@TempDir Path dir)
            throws Exception {
        PixelImage in = SyntheticImages.scene(ImageType.GRAY_F32, 100, 70, 2);
        try (ModelHandle whole = ModelHandle.load(TestModels.export(dir.resolve("a"), 2, 0, 0, tf -> { }));
                ModelHandle tiled = ModelHandle.load(TestModels.export(dir.resolve("b"), 2, 32, 8, tf -> { }))) {
            PixelImage expected = whole.applyTiled(in, PixelType.FLOAT32, ProcessingContext.none());
            assertEquals(200, expected.width());
            assertSame(expected, tiled.applyTiled(in, PixelType.FLOAT32, ProcessingContext.none()), 1e-5);
        }
    }

    @Test
    void cancellingStopsBetweenTiles() {
        PixelImage in = SyntheticImages.scene(ImageType.GRAY_F32, 100, 70, 1);
        AtomicInteger tiles = new AtomicInteger();
        ProcessingContext ctx = ProcessingContext.builder().cancelWhen(() -> tiles.get() >= 2).build();
        LoupeException e = assertThrows(LoupeException.class, () -> TiledInference.apply(in, 32, 8, 1,
                PixelType.FLOAT32, t -> {
                    tiles.incrementAndGet();
                    return model(t, 1);
                }, ctx));
        assertEquals(LoupeException.Reason.CANCELLED, e.reason());
        assertEquals(2, tiles.get());
    }
}
