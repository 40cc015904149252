package org.loupe.detect.rcnn.internal;

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
import org.loupe.data.detection.DetectionDatasets;
import org.loupe.data.wafer.WaferDataset;
import org.loupe.tensorflow.ModelHandle;
import org.loupe.tensorflow.ModelSidecar;
import org.loupe.testing.DetectorModelCompatibility;

/**
 * A model folder Loupe 1.3.0 wrote for detect.rcnn (fixtures/made-by-1.3.0) detects in this version what it detected
 * then, as it is and rebuilt by this version's trainer: the first stage in its faster graph, both stages keeping
 * their weights, the record kept.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelFolderCompatibilityTest extends DetectorModelCompatibility {

    private final RcnnDetector detector = new RcnnDetector();

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
        RcnnTrainer trainer = new RcnnTrainer();
        Parameters p = Parameters.bind(trainer.parameters(), Map.of("rebuild-from", model.toString()));
        assertEquals(0, trainer.train(new TrainingRequest(wafers, out, null, false, null), ProcessingContext.of(p))
                .steps());
        assertTrue(!graph(model).contains("PooledMax") && graph(out).contains("PooledMax"), "the blockwise layer");
        for (Path part : new Path[] {Path.of(""), Path.of(RcnnModel.HEAD)}) {
            try (ModelHandle before = ModelHandle.load(model.resolve(part));
                    ModelHandle after = ModelHandle.load(out.resolve(part))) {
                Map<String, float[]> w = before.weights();
                Map<String, float[]> rebuilt = after.weights();
                assertEquals(w.keySet(), rebuilt.keySet());
                w.forEach((name, v) -> assertArrayEquals(v, rebuilt.get(name), name));
                assertNotEquals(before.sidecar().version(), after.sidecar().version());
            }
        }
        Map<String, Object> record = ModelSidecar.read(out).training();
        assertEquals(ModelSidecar.read(model).training().get("command"), record.get("command"), "training's record");
        assertTrue(String.valueOf(record.get("rebuilt")).contains("rebuild-from=" + model), "what rebuilt it");
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
