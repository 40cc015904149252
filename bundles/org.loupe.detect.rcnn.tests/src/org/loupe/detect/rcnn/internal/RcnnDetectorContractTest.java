package org.loupe.detect.rcnn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loupe.api.ProviderDescriptor;
import org.loupe.api.Accelerator;
import org.loupe.api.DefectDetector;
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
import org.loupe.testing.ShippedModelDeclaration;
import org.loupe.testing.SyntheticImages;

/**
 * The two-stage detector passes the detector contract with a model its trainer makes here in a few steps (so the
 * contract checks the provider and its model folder, not the model's quality); without a folder it runs its shipped
 * DeepPCB model.
 */
class RcnnDetectorContractTest extends DefectDetectorContract {

    private Path dir;
    private final RcnnDetector detector = new RcnnDetector();
    private Path model;
    private final List<Double> losses = new ArrayList<>();

    @BeforeAll
    void trainATinyModel() throws Exception {
        dir = Files.createTempDirectory("loupe-rcnn-contract");
        Path wafers = dir.resolve("wafers");
        WaferDataset.create(wafers, 12, 41, 128, "easy", DetectionDatasets.Layout.COCO, ProcessingContext.none());
        model = dir.resolve("model");
        RcnnTrainer trainer = new RcnnTrainer();
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
        assertTrue(Files.isRegularFile(model.resolve("head/saved_model.pb")), "the second stage is in head/");
        assertTrue(!losses.isEmpty() && losses.stream().allMatch(Double::isFinite), losses.toString());
    }

    @Test
    void withoutAModelFolderItRunsTheShippedDeepPcbModelItDeclares() throws Exception {
        ShippedModelDeclaration.assertDeclared(RcnnDetector.class, "/models/rcnn/loupe-model.json",
                "/models/rcnn/head/loupe-model.json");
        Parameters defaults = Parameters.defaults(detector.parameters());
        detector.prepare(defaults);
        PixelImage board = SyntheticImages.asType(WaferGenerator.generate(128, Difficulty.EASY, 11).image(),
                ImageType.GRAY_U8);
        List<String> classes = List.of("copper", "mousebite", "open", "pin-hole", "short", "spur");
        assertTrue(detector.detect(board, null, ProcessingContext.of(defaults)).stream()
                .allMatch(d -> classes.contains(d.label())), "the shipped model names DeepPCB's classes");
    }

    @Test
    void aModelOfAnotherKindIsRefusedWhenPrepared() throws Exception {
        Path other = Files.createDirectories(dir.resolve("not-rcnn"));
        ModelFolders.copy(model, other);
        Path sidecar = other.resolve("loupe-model.json");
        Files.writeString(sidecar, Files.readString(sidecar).replace("\"rpn\"", "\"image\""));
        Parameters p = Parameters.bind(detector.parameters(), Map.of("model", other.toString()));
        LoupeException e = assertThrows(LoupeException.class, () -> detector.prepare(p));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertTrue(e.getMessage().startsWith(other.toString()), e.getMessage());
    }

    @Test
    void declaresThatItRunsOnTensorFlowWhereverItCan() {
        assertEquals(Accelerator.GPU_OPTIONAL, ProviderDescriptor.declaredBy(RcnnDetector.class).accelerator());
    }
}
