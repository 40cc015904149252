package org.loupe.detect.classic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.Detection;
import org.loupe.api.LoupeException;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.TrainingRequest;
import org.loupe.api.TrainingResult;
import org.loupe.data.detection.DetectionDatasets;
import org.loupe.data.wafer.Difficulty;
import org.loupe.data.wafer.WaferDataset;
import org.loupe.data.wafer.WaferGenerator;
import org.loupe.metrics.detection.AnnotatedImage;
import org.loupe.metrics.detection.Counts;
import org.loupe.metrics.detection.DetectionEvaluation;
import org.loupe.metrics.detection.MatchRule;

/** The classical detector finds wafer defects, and its trainer's grid search saves a model that reloads exactly. */
class ClassicDetectorTest {

    @TempDir
    Path dir;

    private static Counts score(ClassicModel m, long firstSeed, int n, Difficulty d) {
        List<AnnotatedImage> images = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            WaferGenerator.Wafer w = WaferGenerator.generate(400, d, firstSeed + i);
            images.add(new AnnotatedImage("w" + i, w.defects(), ClassicPipeline.detect(w.image(), m)));
        }
        return new DetectionEvaluation(images).overall(MatchRule.VOC, 0);
    }

    @Test
    void theUntrainedRulesFindAboutHalfTheDefectsOnEasyWafers() {
        Counts c = score(ClassicModel.defaults(new ClassicModel.Settings(3, 20, 6, true, 6)), 500, 20,
                Difficulty.EASY);
        // measured 41 of 81 (98 false alarms): a baseline that training improves, not a finished detector
        assertTrue(c.recall() >= 0.45, c.toString());
    }

    @Test
    void theGridSearchChoosesOnValidationAndItsModelReloadsWithTheSameDetections() throws Exception {
        Path data = dir.resolve("wafers");
        WaferDataset.create(data, 30, 9, 400, "normal", DetectionDatasets.Layout.COCO, ProcessingContext.none());
        Path model = dir.resolve("model");
        ClassicTrainer trainer = new ClassicTrainer();
        Parameters p = Parameters.bind(trainer.parameters(), Map.of("blur", "1,3", "threshold", "16,20"));
        List<Double> seen = new ArrayList<>();
        TrainingResult r = trainer.train(new TrainingRequest(data, model, null, false,
                e -> seen.add(e.validationLoss())), ProcessingContext.of(p));
        assertEquals(4, r.steps());
        assertEquals(4, seen.size(), "one event per grid point");
        double chosen = r.scores().get("validation F1 (IoU 0.5)");
        assertEquals(1 - seen.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), chosen, 1e-12,
                "the best point of the grid is saved");
        ClassicModel saved = ClassicModel.read(model);
        String json = Files.readString(model.resolve(ClassicModel.FILE_NAME));
        assertTrue(json.contains("\"datasetHash\"") && json.contains("\"grid\"") && json.contains("\"backend\": "
                + "\"classic\""), json);
        Counts trained = score(saved, 700, 20, Difficulty.NORMAL);
        Counts untrained = score(ClassicModel.defaults(saved.settings()), 700, 20, Difficulty.NORMAL);
        // measured: trained 27 found, 10 false alarms; the hand-set rules 29 found, 195 false alarms
        assertTrue(trained.f1() > 2 * untrained.f1() && trained.precision() > 0.6, "the fitted tree rejects what "
                + "is no defect, on wafers it never saw: " + trained + " vs " + untrained);
        WaferGenerator.Wafer w = WaferGenerator.generate(400, Difficulty.NORMAL, 42);
        List<Detection> direct = ClassicPipeline.detect(w.image(), saved);
        Parameters byFolder = Parameters.bind(new ClassicDetector().parameters(), Map.of("model", model.toString()));
        assertEquals(direct, new ClassicDetector().detect(w.image(), null, ProcessingContext.of(byFolder)));
    }

    @Test
    void aBrokenModelFolderIsBadInputNamingTheFile() throws Exception {
        Path model = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(model.resolve(ClassicModel.FILE_NAME), "{\"backend\": \"classic\", \"tree\": {}}");
        LoupeException e = assertThrows(LoupeException.class, () -> ClassicModel.read(model));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertTrue(e.getMessage().contains(ClassicModel.FILE_NAME), e.getMessage());
    }
}
