package org.loupe.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.PixelType;
import org.loupe.testing.SyntheticImages;

class ModelHandleTest {

    @Test
    void aBatchGivesWhatEachImageGivesAlone(@TempDir Path dir) throws Exception {
        PixelImage a = SyntheticImages.scene(ImageType.GRAY_F32, 24, 16, 1);
        PixelImage b = SyntheticImages.scene(ImageType.GRAY_F32, 24, 16, 2);
        try (ModelHandle m = ModelHandle.load(TestModels.export(dir.resolve("m")))) {
            List<PixelImage> both = m.apply(List.of(a, b), PixelType.FLOAT32);
            // oneDNN may block a batch differently from a single image: equal up to float rounding
            assertClose(m.apply(a, PixelType.FLOAT32), both.get(0));
            assertClose(m.apply(b, PixelType.FLOAT32), both.get(1));
        }
    }

    private static void assertClose(PixelImage expected, PixelImage actual) {
        for (int y = 0; y < expected.height(); y++) {
            for (int x = 0; x < expected.width(); x++) {
                assertEquals(expected.getFloat(x, y, 0), actual.getFloat(x, y, 0), 1e-5, "at " + x + "," + y);
            }
        }
    }

    @Test
    void imagesOfAnyBitDepthReachTheModelScaledToTheUnitRange(@TempDir Path dir) throws Exception {
        PixelImage u16 = SyntheticImages.scene(ImageType.GRAY_U16, 24, 16, 4);
        PixelImage unit = PixelImage.create(ImageType.GRAY_F32, 24, 16);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 24; x++) {
                unit.setFloat(x, y, 0, u16.getFloat(x, y, 0) / 65535f);
            }
        }
        try (ModelHandle m = ModelHandle.load(TestModels.export(dir.resolve("m")))) {
            PixelImage fromUnit = m.apply(unit, PixelType.FLOAT32);
            assertClose(fromUnit, m.apply(u16, PixelType.FLOAT32));
            PixelImage stored = m.apply(u16, PixelType.UINT16);
            float v = fromUnit.getFloat(7, 5, 0) * 65535f;
            assertEquals(Math.max(0, Math.min(65535, Math.round(v))), stored.getFloat(7, 5, 0));
        }
    }

    @Test
    void oneHandleServesManyThreadsAtOnce(@TempDir Path dir) throws Exception {
        PixelImage img = SyntheticImages.scene(ImageType.GRAY_F32, 64, 48, 3);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (ModelHandle m = ModelHandle.load(TestModels.export(dir.resolve("m")))) {
            PixelImage expected = m.apply(img, PixelType.FLOAT32);
            List<Future<PixelImage>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> m.apply(img, PixelType.FLOAT32)));
            }
            for (Future<PixelImage> f : results) {
                assertTrue(f.get().samePixels(expected));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aMissingFolderOrSignatureMismatchIsBadInput(@TempDir Path dir) throws Exception {
        LoupeException missing = assertThrows(LoupeException.class, () -> ModelHandle.load(dir.resolve("none")));
        assertEquals(LoupeException.Reason.INPUT, missing.reason());
        assertTrue(missing.getMessage().contains("no such model folder"), missing.getMessage());

        Path model = TestModels.export(dir.resolve("m"));
        Path sidecar = model.resolve(ModelSidecar.FILE_NAME);
        Files.writeString(sidecar, Files.readString(sidecar).replace("\"result\"", "\"logits\""));
        LoupeException mismatch = assertThrows(LoupeException.class, () -> ModelHandle.load(model));
        assertEquals(LoupeException.Reason.INPUT, mismatch.reason());
        assertTrue(mismatch.getMessage().contains("no input 'image' and output 'logits'"), mismatch.getMessage());
    }

    @Test
    void anInputTheModelCannotTakeIsAProviderErrorAndAClosedHandleRefusesWork(@TempDir Path dir) throws Exception {
        ModelHandle m = ModelHandle.load(TestModels.export(dir.resolve("m")));
        PixelImage rgb = SyntheticImages.scene(ImageType.RGB_U8, 8, 8, 1);
        LoupeException e = assertThrows(LoupeException.class, () -> m.apply(rgb, PixelType.FLOAT32));
        assertEquals(LoupeException.Reason.PROVIDER, e.reason());
        m.close();
        m.close();
        PixelImage gray = SyntheticImages.scene(ImageType.GRAY_F32, 8, 8, 1);
        assertThrows(IllegalStateException.class, () -> m.apply(gray, PixelType.FLOAT32));
    }

    @Test
    void aModelFolderWithoutItsWeightsIsBadInput(@TempDir Path dir) throws Exception {
        Path model = TestModels.export(dir.resolve("m"));
        try (var files = Files.walk(model.resolve("variables"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        LoupeException e = assertThrows(LoupeException.class, () -> ModelHandle.load(model));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertTrue(e.getMessage().contains("weights are missing"), e.getMessage());
    }

    @Test
    void aHugeUpscaleInTheSidecarIsRefusedBeforeAnyBufferIsMade(@TempDir Path dir) throws Exception {
        Path model = TestModels.export(dir.resolve("m"), 1, 32, 8, tf -> { });
        Path sidecar = model.resolve(ModelSidecar.FILE_NAME);
        Files.writeString(sidecar, Files.readString(sidecar).replaceAll("\"upscale\": 1", "\"upscale\": 10000000"));
        try (ModelHandle m = ModelHandle.load(model)) {
            LoupeException e = assertThrows(LoupeException.class, () -> m.applyTiled(SyntheticImages.scene(
                    ImageType.GRAY_F32, 64, 64, 1), PixelType.FLOAT32, org.loupe.api.ProcessingContext.none()));
            assertEquals(LoupeException.Reason.INPUT, e.reason());
            assertTrue(e.getMessage().contains("upscale of 10000000"), e.getMessage());
        }
    }
}
