package org.loupe.classify.siamese.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.Classification;
import org.loupe.api.LoupeException;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.TrainingRequest;
import org.loupe.api.TrainingResult;
import org.loupe.data.deeppcb.DeepPcbDataset;
import org.loupe.data.deeppcb.DeepPcbPatches;
import org.loupe.image.GrayU8;
import org.loupe.tensorflow.ModelSidecar;
import org.loupe.testing.SyntheticBoards;

/**
 * {@code loupe train classify.siamese} on a small synthetic DeepPCB folder, and the classifier deciding with the
 * model and threshold it wrote.
 */
class SiameseTrainingTest {

    @TempDir
    static Path dir;

    private static TrainingResult trained;
    private static List<DeepPcbPatches.Patch> patches;
    private static final SiameseClassifier CLASSIFIER = new SiameseClassifier();

    @BeforeAll
    static void train() throws Exception {
        Path data = dir.resolve("data");
        Path list = SyntheticBoards.write(data, 10, 128, 3);
        SiameseTrainer trainer = new SiameseTrainer();
        Parameters p = Parameters.bind(trainer.parameters(), Map.of("steps", "4", "batch", "2", "width", "16",
                "dim", "8", "validate", "2"));
        trained = trainer.train(new TrainingRequest(data, dir.resolve("model"), null, false, null),
                ProcessingContext.of(p));
        patches = DeepPcbPatches.cut(DeepPcbDataset.read(data, list), PatchTensors.PATCH);
    }

    @AfterAll
    static void close() {
        CLASSIFIER.close();
    }

    private static ProcessingContext withModel() throws LoupeException {
        return ProcessingContext.of(Parameters.bind(CLASSIFIER.parameters(), Map.of("model",
                trained.model().toString())));
    }

    @Test
    void storesTheThresholdChosenOnValidationWithTheTestAccuracy() throws LoupeException {
        Map<String, Double> scores = ModelSidecar.read(trained.model()).scores();
        assertTrue(scores.containsKey("threshold") && scores.get("threshold") >= -1, scores.toString());
        double accuracy = scores.get("test accuracy");
        assertTrue(accuracy >= 0 && accuracy <= 1, scores.toString());
    }

    @Test
    void decidesByTheDistanceToTheGoldenPatch() throws LoupeException {
        DeepPcbPatches.Patch patch = patches.get(0);
        Classification c = CLASSIFIER.classify(patch.test(), patch.reference(), withModel());
        double d = c.details().get("distance");
        double t = c.details().get("threshold");
        assertEquals(ModelSidecar.read(trained.model()).scores().get("threshold"), t, 1e-12);
        assertEquals(d >= t ? Classification.DEFECTIVE : Classification.DEFECT_FREE, c.label());
        Classification same = CLASSIFIER.classify(patch.reference(), patch.reference(), withModel());
        assertEquals(0, same.details().get("distance"), 1e-6, "a patch is at distance 0 from itself");
    }

    @Test
    void refusesAPatchWithoutItsReference() {
        LoupeException e = assertThrows(LoupeException.class, () -> CLASSIFIER.classify(patches.get(0).test(),
                null, withModel()));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertTrue(e.getMessage().contains("template as the reference"), e.getMessage());
    }

    @Test
    void refusesPatchesOfAnotherSize() {
        LoupeException e = assertThrows(LoupeException.class, () -> CLASSIFIER.classify(GrayU8.create(48, 48),
                GrayU8.create(48, 48), withModel()));
        assertTrue(e.getMessage().contains("64x64"), e.getMessage());
    }
}
