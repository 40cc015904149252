package org.loupe.enhance.learned.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.ModelTrainer;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.TrainingEvent;
import org.loupe.api.TrainingRequest;
import org.loupe.api.TrainingResult;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;
import org.loupe.tensorflow.ModelSidecar;
import org.loupe.testing.OsgiServices;
import org.loupe.testing.SyntheticImages;

/** The trainer and the enhancer of {@code enhance.model}, found through the registry as a user's command would. */
class DenoiserTrainingTest {

    private static final Map<String, String> SMALL = Map.of("steps", "150", "batch", "8", "patch", "32", "depth",
            "4", "width", "8", "validate", "50", "lr", "0.01");

    private ProviderHandle<ModelTrainer> trainer;
    private ProviderHandle<ImageEnhancer> enhancer;

    @BeforeEach
    void find() throws LoupeException {
        ProviderRegistry registry = OsgiServices.await(ProviderRegistry.class);
        trainer = registry.provider("enhance.model", ModelTrainer.class);
        enhancer = registry.provider("enhance.model", ImageEnhancer.class);
    }

    private static PixelImage noisy(PixelImage clean, double sigma, long seed) {
        PixelImage out = clean.copy();
        SplittableRandom r = new SplittableRandom(seed);
        for (int y = 0; y < out.height(); y++) {
            for (int x = 0; x < out.width(); x++) {
                for (int b = 0; b < out.bands(); b++) {
                    out.setFloat(x, y, b, (float) (out.getFloat(x, y, b) + 255 * sigma * r.nextGaussian()));
                }
            }
        }
        return out;
    }

    private static double psnr(PixelImage a, PixelImage b) {
        double se = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                for (int c = 0; c < a.bands(); c++) {
                    double d = a.getFloat(x, y, c) - b.getFloat(x, y, c);
                    se += d * d;
                }
            }
        }
        return 10 * Math.log10(255.0 * 255 * a.width() * a.height() * a.bands() / se);
    }

    private TrainingResult train(Path dataset, Path out, Map<String, String> params, boolean resume,
            List<TrainingEvent> events) throws LoupeException {
        Parameters p = Parameters.bind(trainer.call(LoupeService::parameters), params);
        return trainer.call(t -> t.train(new TrainingRequest(dataset, out, null, resume, events::add),
                ProcessingContext.of(p)));
    }

    private PixelImage enhance(PixelImage img, Path model) throws LoupeException {
        Parameters p = Parameters.bind(enhancer.call(LoupeService::parameters), Map.of("model", model.toString()));
        return enhancer.call(e -> e.enhance(img, ProcessingContext.of(p)));
    }

    @Test
    void aDenoiserTrainedOnCleanImagesWithAddedNoiseRemovesNoiseThroughTheEnhancer(@TempDir Path dir)
            throws Exception {
        Path clean = Files.createDirectories(dir.resolve("clean"));
        for (int i = 0; i < 3; i++) {
            ImageFiles.write(SyntheticImages.scene(ImageType.GRAY_U8, 64, 64, i), clean.resolve("s" + i + ".png"));
        }
        Map<String, String> params = new HashMap<>(SMALL);
        params.put("noise", "0.08");
        List<TrainingEvent> events = new ArrayList<>();
        TrainingResult result = train(clean, dir.resolve("model"), params, false, events);

        assertEquals(150, result.steps());
        assertEquals(150, events.get(events.size() - 1).iteration());
        assertTrue(result.scores().get("validation PSNR (dB)") > result.scores().get("input PSNR (dB)") + 1,
                result.scores().toString());
        ModelSidecar sidecar = ModelSidecar.read(dir.resolve("model"));
        assertEquals("model", sidecar.id());
        assertEquals(result.scores(), sidecar.scores());

        PixelImage truth = SyntheticImages.scene(ImageType.GRAY_U8, 300, 280, 9);
        PixelImage input = noisy(truth, 0.08, 10);
        PixelImage restored = enhance(input, dir.resolve("model"));
        assertEquals(ImageType.GRAY_U8, restored.type());
        assertEquals(300, restored.width());
        assertTrue(psnr(restored, truth) > psnr(input, truth) + 1, psnr(input, truth) + " -> "
                + psnr(restored, truth));
        assertTrue(restored.metadata().provenance().stream().anyMatch(s -> s.startsWith("enhance.model@1.0.0 (model model ")),
                restored.metadata().provenance().toString());
    }

    @Test
    void aOneChannelModelDenoisesEachBandOfAColourImage(@TempDir Path dir) throws Exception {
        Path clean = Files.createDirectories(dir.resolve("clean"));
        ImageFiles.write(SyntheticImages.scene(ImageType.GRAY_U8, 64, 64, 1), clean.resolve("a.png"));
        Map<String, String> params = new HashMap<>(SMALL);
        params.put("noise", "0.08");
        train(clean, dir.resolve("model"), params, false, new ArrayList<>());
        PixelImage rgb = SyntheticImages.scene(ImageType.RGB_U8, 40, 30, 2);
        PixelImage out = enhance(rgb, dir.resolve("model"));
        assertEquals(ImageType.RGB_U8, out.type());
        assertEquals(40, out.width());
    }

    @Test
    void badDatasetsAreRejectedWithOneLineNamingTheFile(@TempDir Path dir) throws Exception {
        Path none = dir.resolve("none");
        LoupeException missing = assertThrows(LoupeException.class,
                () -> train(none, dir.resolve("m"), SMALL, false, new ArrayList<>()));
        assertEquals(LoupeException.Reason.INPUT, missing.reason());

        Path pairs = dir.resolve("pairs");
        Files.createDirectories(pairs.resolve("input"));
        Files.createDirectories(pairs.resolve("target"));
        ImageFiles.write(SyntheticImages.scene(ImageType.GRAY_U8, 64, 64, 1), pairs.resolve("input/a.png"));
        LoupeException unmatched = assertThrows(LoupeException.class,
                () -> train(pairs, dir.resolve("m"), SMALL, false, new ArrayList<>()));
        assertTrue(unmatched.getMessage().contains("has no partner"), unmatched.getMessage());

        ImageFiles.write(SyntheticImages.scene(ImageType.GRAY_U8, 64, 48, 1), pairs.resolve("target/a.png"));
        LoupeException size = assertThrows(LoupeException.class,
                () -> train(pairs, dir.resolve("m"), SMALL, false, new ArrayList<>()));
        assertTrue(size.getMessage().contains("is 64x48x1 but its input is 64x64x1"), size.getMessage());
        assertFalse(Files.exists(dir.resolve("m")), "nothing written");
    }

    @Test
    void resumingWithoutACheckpointIsAUsageError(@TempDir Path dir) throws Exception {
        Path clean = Files.createDirectories(dir.resolve("clean"));
        ImageFiles.write(SyntheticImages.scene(ImageType.GRAY_U8, 64, 64, 1), clean.resolve("a.png"));
        Map<String, String> params = new HashMap<>(SMALL);
        params.put("noise", "0.05");
        LoupeException e = assertThrows(LoupeException.class,
                () -> train(clean, dir.resolve("m"), params, true, new ArrayList<>()));
        assertEquals(LoupeException.Reason.USAGE, e.reason());
    }

    @Test
    void theEnhancerNeedsAModelFolder(@TempDir Path dir) throws Exception {
        PixelImage img = SyntheticImages.scene(ImageType.GRAY_U8, 16, 16, 1);
        LoupeException none = assertThrows(LoupeException.class, () -> enhancer.call(e -> e.enhance(img)));
        assertEquals(LoupeException.Reason.USAGE, none.reason());
        LoupeException missing = assertThrows(LoupeException.class, () -> enhance(img, dir.resolve("nope")));
        assertEquals(LoupeException.Reason.INPUT, missing.reason());
    }
}
