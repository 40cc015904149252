package org.loupe.detect.yolo.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.loupe.api.DefectDetector;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.TrainingRequest;
import org.loupe.api.TrainingResult;
import org.loupe.data.detection.DetectionDatasets;
import org.loupe.data.wafer.WaferDataset;
import org.loupe.tensorflow.ModelHandle;
import org.loupe.testing.DetectorModelCompatibility;

/**
 * A model folder Loupe 1.3.0 wrote for detect.yolo (fixtures/made-by-1.3.0) detects in this version what it detected
 * then, as it is and rebuilt by this version's trainer into its faster graph, which keeps the weights and the record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelFolderCompatibilityTest extends DetectorModelCompatibility {

    private final YoloDetector detector = new YoloDetector();

    @Override
    protected DefectDetector detector() {
        return detector;
    }

    @Override
    protected String fixture() {
        return "fixtures/made-by-1.3.0";
    }

    @Override
    protected Path rebuild(Path model, Path out) throws Exception {
        Path wafers = out.resolveSibling("wafers");
        WaferDataset.create(wafers, 12, 43, 128, "easy", DetectionDatasets.Layout.COCO, ProcessingContext.none());
        YoloTrainer trainer = new YoloTrainer();
        Parameters p = Parameters.bind(trainer.parameters(), Map.of("rebuild-from", model.toString()));
        TrainingResult r = trainer.train(new TrainingRequest(wafers, out, null, false, null), ProcessingContext.of(p));
        assertEquals(0, r.steps());
        assertTrue(!graph(model).contains("PooledMax") && graph(out).contains("PooledMax"), "the blockwise layer");
        assertTrue(r.scores().containsKey("validation mAP@0.5"), "scored on the data set: " + r.scores());
        try (ModelHandle before = ModelHandle.load(model); ModelHandle after = ModelHandle.load(out)) {
            Map<String, float[]> w = before.weights();
            Map<String, float[]> rebuilt = after.weights();
            assertEquals(w.keySet(), rebuilt.keySet());
            w.forEach((name, v) -> assertArrayEquals(v, rebuilt.get(name), name));
            assertNotEquals(before.sidecar().version(), after.sidecar().version());
            Map<String, Object> record = after.sidecar().training();
            assertEquals(before.sidecar().training().get("command"), record.get("command"), "the training's record");
            assertTrue(String.valueOf(record.get("rebuilt")).contains("rebuild-from=" + model), "what rebuilt it");
        }
        return out;
    }

    private static String graph(Path model) throws IOException {
        return new String(Files.readAllBytes(model.resolve("saved_model.pb")), StandardCharsets.ISO_8859_1);
    }

    @AfterAll
    void close() {
        detector.close();
    }
}
