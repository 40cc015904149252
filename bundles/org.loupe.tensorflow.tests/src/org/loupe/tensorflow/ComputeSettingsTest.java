package org.loupe.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.ComputeSettings;
import org.loupe.api.ProcessingContext;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.PixelType;
import org.loupe.testing.SyntheticImages;

/** The process-wide device and tile choices reach the sessions Loupe opens and the tiles its models run on. */
class ComputeSettingsTest {

    @AfterEach
    void restore() {
        ComputeSettings.setDevice(ComputeSettings.Device.AUTO);
        ComputeSettings.setMaxTile(0);
    }

    @Test
    void aCpuChoiceOpensSessionsThatCountNoGpuAndAutoLeavesTensorFlowToChoose() {
        assertEquals(Map.of(), Sessions.config().getDeviceCountMap());
        ComputeSettings.setDevice(ComputeSettings.Device.CPU);
        assertEquals(Map.of("GPU", 0), Sessions.config().getDeviceCountMap());
    }

    @Test
    void choicesAreReadAsAPersonWritesThemAndNonsenseIsRefused() {
        assertEquals(ComputeSettings.Device.CPU, ComputeSettings.parseDevice(" Cpu "));
        assertEquals(ComputeSettings.Device.AUTO, ComputeSettings.parseDevice(""));
        assertEquals(384, ComputeSettings.parseTile("384"));
        assertEquals("device 'gpu0': give auto or cpu", assertThrows(IllegalArgumentException.class,
                () -> ComputeSettings.parseDevice("gpu0")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ComputeSettings.parseTile("-1"));
        assertThrows(IllegalArgumentException.class, () -> ComputeSettings.setMaxTile(-5));
    }

    @Test
    void aTileLimitIsRoundedToSixteenAndNeverGoesBelowTwiceTheOverlap() {
        assertEquals(512, ModelHandle.tileSide(512, 188, 0));
        assertEquals(512, ModelHandle.tileSide(512, 188, 600));
        assertEquals(448, ModelHandle.tileSide(512, 188, 450));
        assertEquals(384, ModelHandle.tileSide(512, 188, 100));
        assertEquals(32, ModelHandle.tileSide(64, 8, 40));
    }

    @Test
    void aModelLoadedUnderEitherChoiceOnSmallerTilesGivesTheSameResult(@TempDir Path dir) throws Exception {
        PixelImage in = SyntheticImages.scene(ImageType.GRAY_F32, 100, 70, 3);
        Path folder = TestModels.export(dir.resolve("m"), 2, 64, 8, tf -> { });
        PixelImage expected;
        AtomicInteger own = new AtomicInteger();
        try (ModelHandle model = ModelHandle.load(folder)) {
            expected = model.applyTiled(in, PixelType.FLOAT32, counting(own));
        }
        ComputeSettings.setDevice(ComputeSettings.Device.CPU);
        ComputeSettings.setMaxTile(40);
        AtomicInteger limited = new AtomicInteger();
        PixelImage actual;
        try (ModelHandle model = ModelHandle.load(folder)) {
            actual = model.applyTiled(in, PixelType.FLOAT32, counting(limited));
        }
        // 64-px tiles every 56 px: 2 x 2; 32-px tiles every 24 px: 4 x 3
        assertEquals(4, own.get());
        assertEquals(12, limited.get());
        for (int y = 0; y < expected.height(); y++) {
            for (int x = 0; x < expected.width(); x++) {
                assertEquals(expected.getFloat(x, y, 0), actual.getFloat(x, y, 0), 1e-5, "at " + x + "," + y);
            }
        }
    }

    private static ProcessingContext counting(AtomicInteger tiles) {
        return ProcessingContext.builder().onProgress((fraction, message) -> {
            if (message.startsWith("tile ")) {
                tiles.incrementAndGet();
            }
        }).build();
    }
}
