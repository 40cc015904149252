package org.loupe.enhance.srq.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.ModelTrainer;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.TrainingRequest;
import org.loupe.api.TrainingResult;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;
import org.loupe.testing.OsgiServices;
import org.loupe.testing.SyntheticImages;

/** {@code loupe train enhance.srq} and the enhancer running what it wrote, found through the registry. */
class SrqTrainingTest {

    private ProviderHandle<ModelTrainer> trainer;
    private ProviderHandle<ImageEnhancer> enhancer;

    @BeforeEach
    void find() throws LoupeException {
        ProviderRegistry registry = OsgiServices.await(ProviderRegistry.class);
        trainer = registry.provider("enhance.srq", ModelTrainer.class);
        enhancer = registry.provider("enhance.srq", ImageEnhancer.class);
    }

    private TrainingResult train(Path dataset, Path out, String degradation) throws LoupeException {
        // 0.005, not higher: at 0.01 one run of five here (TensorFlow's CPU sums are not bit-reproducible) killed every
        // ReLU of a layer in the first steps and the network stayed at plain bicubic
        Parameters p = Parameters.bind(trainer.call(LoupeService::parameters), Map.of("degradation", degradation,
                "steps", "400", "batch", "8", "patch", "24", "validate", "100", "lr", "0.005", "decay", "300"));
        return trainer.call(t -> t.train(new TrainingRequest(dataset, out, null, false, e -> { }),
                ProcessingContext.of(p)));
    }

    private PixelImage enhance(PixelImage img, Map<String, String> params) throws LoupeException {
        Parameters p = Parameters.bind(enhancer.call(LoupeService::parameters), params);
        return enhancer.call(e -> e.enhance(img, ProcessingContext.of(p)));
    }

    private static Path dataset(Path dir, int images) throws LoupeException {
        for (int i = 0; i < images; i++) {
            ImageFiles.write(SyntheticImages.scene(ImageType.RGB_U8, 96, 80, i), dir.resolve("s" + i + ".png"));
        }
        return dir;
    }

    @Test
    void aShortTrainingBeatsBicubicAndWritesAModelBothDatapathsRun(@TempDir Path dir) throws Exception {
        Path data = dataset(Files.createDirectories(dir.resolve("hr")), 12);
        TrainingResult result = train(data, dir.resolve("model"), "bicubic");
        SrqModel model = SrqModel.read(dir.resolve("model"));
        Map<String, Object> s = model.scores();
        double bicubic = (Double) s.get("held-out crops: bicubic PSNR (dB)");
        double fixed = (Double) s.get("held-out crops: fixed-point PSNR (dB)");
        // 300 steps on synthetic scenes: a small gain, but one an untrained or broken network does not show
        assertTrue(fixed > bicubic + 0.03, s.toString());
        assertEquals(result.scores().get("fixed-point PSNR (dB)"), fixed, 1e-12);
        assertEquals("srq.bicubic", model.id());

        FixedPointNetwork fromText = FixedPointFormat.parse(Files.readString(dir.resolve("model")
                .resolve(FixedPointFormat.FILE)));
        float[] luma = FixedPointNetworkTest.randomLuma(30 * 20, 1);
        assertArrayEquals(model.fixedPoint().run(luma, 30, 20), fromText.run(luma, 30, 20), 0.0);

        PixelImage in = SyntheticImages.scene(ImageType.GRAY_U16, 50, 40, 99);
        for (String precision : new String[] {"fixed", "float"}) {
            PixelImage out = enhance(in, Map.of("model", dir.resolve("model").toString(), "precision", precision));
            assertEquals(ImageType.GRAY_U16, out.type());
            assertEquals(100, out.width());
            assertEquals(80, out.height());
        }
    }

    @Test
    void heldOutImagesAreJudgedAtTheLargestTrainingSize(@TempDir Path dir) throws Exception {
        Path data = dataset(dir, 10);
        TrainingSet set = TrainingSet.read(data, Degradation.of("bicubic"), new double[] {0.25, 0.5}, 1,
                ProcessingContext.none());
        assertEquals(2 * 2, set.training().size());
        assertEquals(TrainingSet.HELD_OUT, set.validation().size());
        for (TrainingSet.Sample s : set.validation()) {
            assertEquals(48, s.highResolution().width());
            assertEquals(40, s.highResolution().height());
        }
    }

    @Test
    void tooFewImagesOrAMissingFolderIsABadInputNamingTheFolder(@TempDir Path dir) throws Exception {
        Path data = dataset(Files.createDirectories(dir.resolve("few")), 3);
        LoupeException few = assertThrows(LoupeException.class, () -> train(data, dir.resolve("m"), "bicubic"));
        assertEquals(LoupeException.Reason.INPUT, few.reason());
        assertTrue(few.getMessage().contains("few") && few.getMessage().contains("at least 9"), few.getMessage());
        LoupeException none = assertThrows(LoupeException.class,
                () -> train(dir.resolve("none"), dir.resolve("m"), "bicubic"));
        assertTrue(none.getMessage().contains("no such dataset folder"), none.getMessage());
        assertTrue(!Files.exists(dir.resolve("m")),
                "nothing was written");
    }

    @Test
    void aFolderThatIsNoModelIsRejectedWithOneLine(@TempDir Path dir) {
        LoupeException e = assertThrows(LoupeException.class, () -> enhance(
                SyntheticImages.scene(ImageType.GRAY_U8, 20, 20, 1), Map.of("model", dir.toString())));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertTrue(e.getMessage().contains("is not an enhance.srq model folder"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }
}
