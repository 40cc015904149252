package org.loupe.detect.yolo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loupe.api.ProviderDescriptor;
import org.loupe.api.Accelerator;
import org.loupe.api.DefectDetector;
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
import org.loupe.image.ImageType;
import org.loupe.image.io.AtomicFiles;
import org.loupe.image.PixelImage;
import org.loupe.testing.DefectDetectorContract;
import org.loupe.testing.ModelFolders;
import org.loupe.testing.SyntheticImages;

/**
 * The one-stage detector passes the detector contract with a model its trainer makes here in a few steps (so the
 * contract checks the provider and its model folder, not the model's quality), and runs its shipped model without
 * one.
 */
class YoloDetectorContractTest extends DefectDetectorContract {

    private Path dir;
    private final YoloDetector detector = new YoloDetector();
    private Path model;
    private final List<Double> losses = new ArrayList<>();

    @BeforeAll
    void trainATinyModel() throws Exception {
        dir = Files.createTempDirectory("loupe-yolo-contract");
        Path wafers = dir.resolve("wafers");
        WaferDataset.create(wafers, 12, 41, 128, "easy", DetectionDatasets.Layout.COCO, ProcessingContext.none());
        model = dir.resolve("model");
        YoloTrainer trainer = new YoloTrainer();
        Parameters p = Parameters.bind(trainer.parameters(), Map.of("steps", "20", "batch", "2", "patch", "64",
                "validate", "10"));
        TrainingResult r = trainer.train(new TrainingRequest(wafers, model, null, false, e -> losses.add(e.loss())),
                ProcessingContext.of(p));
        assertEquals(20, r.steps());
    }

    @AfterAll
    void close() {
        detector.close();
        AtomicFiles.deleteScratch(dir);
    }

    @Override
    protected DefectDetector detector() {
        return detector;
    }

    @Override
    protected Parameters parameters() {
        try {
            return Parameters.bind(detector.parameters(), Map.of("model", model.toString(), "min-score", "0"));
        } catch (LoupeException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected PixelImage sample(ImageType type) {
        return SyntheticImages.asType(WaferGenerator.generate(128, Difficulty.EASY, 11).image(), type);
    }

    @Test
    void theModelFolderNamesItsClassesAndTheLossIsFinite() throws Exception {
        String sidecar = Files.readString(model.resolve("loupe-model.json"));
        assertTrue(sidecar.contains("\"classes\"") && sidecar.contains("\"particle\""), sidecar);
        assertTrue(!losses.isEmpty() && losses.stream().allMatch(Double::isFinite), losses.toString());
    }

    @Test
    void withoutAModelParameterItRunsTheShippedDeepPcbModel() throws Exception {
        Parameters defaults = Parameters.defaults(detector.parameters());
        detector.prepare(defaults);
        List<Detection> found = detector.detect(sample(ImageType.GRAY_U8), null, ProcessingContext.of(
                Parameters.bind(detector.parameters(), Map.of("min-score", "0"))));
        Set<String> deepPcb = Set.of("copper", "mousebite", "open", "pin-hole", "short", "spur");
        assertTrue(found.stream().allMatch(d -> deepPcb.contains(d.label())), found.toString());
    }

    @Test
    void aModelOfAnotherKindIsRefusedWhenPrepared() throws Exception {
        Path other = Files.createDirectories(dir.resolve("not-yolo"));
        ModelFolders.copy(model, other);
        Path sidecar = other.resolve("loupe-model.json");
        Files.writeString(sidecar, Files.readString(sidecar).replace("\"grid\"", "\"image\""));
        Parameters p = Parameters.bind(detector.parameters(), Map.of("model", other.toString()));
        LoupeException e = assertThrows(LoupeException.class, () -> detector.prepare(p));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertTrue(e.getMessage().startsWith(other.toString()), e.getMessage());
    }

    @Test
    void aRebuildRefusesAModelOfAnotherTrainerOrOfOtherClassesAndWritesNothing() throws Exception {
        YoloTrainer trainer = new YoloTrainer();
        String sidecar = Files.readString(model.resolve("loupe-model.json"));
        String[][] edits = {{"\"trainer\": \"detect.yolo ", "\"trainer\": \"detect.rcnn "},
            {"\"crack\"", "\"chip\""}};
        LoupeException.Reason[] reasons = {LoupeException.Reason.INPUT, LoupeException.Reason.USAGE};
        for (int k = 0; k < edits.length; k++) {
            assertTrue(sidecar.contains(edits[k][0]), edits[k][0]);
            Path other = dir.resolve("edited-" + k);
            copyTree(model, other);
            Files.writeString(other.resolve("loupe-model.json"), sidecar.replace(edits[k][0], edits[k][1]));
            Path out = dir.resolve("rebuilt-" + k);
            Parameters p = Parameters.bind(trainer.parameters(), Map.of("rebuild-from", other.toString()));
            LoupeException e = assertThrows(LoupeException.class, () -> trainer.train(new TrainingRequest(
                    dir.resolve("wafers"), out, null, false, null), ProcessingContext.of(p)));
            assertEquals(reasons[k], e.reason(), e.getMessage());
            assertFalse(Files.exists(out), "no folder for a refused rebuild");
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(from.relativize(f).toString()));
            }
        }
    }

    @Test
    void declaresThatItRunsOnTensorFlowWhereverItCan() {
        assertEquals(Accelerator.GPU_OPTIONAL, ProviderDescriptor.declaredBy(YoloDetector.class).accelerator());
    }
}
