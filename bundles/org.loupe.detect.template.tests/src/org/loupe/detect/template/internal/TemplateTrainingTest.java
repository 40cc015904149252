package org.loupe.detect.template.internal;

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
import org.loupe.api.Detection;
import org.loupe.api.LoupeException;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.TrainingRequest;
import org.loupe.api.TrainingResult;
import org.loupe.data.deeppcb.DeepPcbDataset;
import org.loupe.image.GrayU8;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.tensorflow.ModelCache;
import org.loupe.tensorflow.ModelHandle;
import org.loupe.tensorflow.ModelSidecar;
import org.loupe.testing.SyntheticBoards;

/** {@code loupe train detect.template} on a small synthetic DeepPCB folder, and the detector running its model. */
class TemplateTrainingTest {

    @TempDir
    static Path dir;

    private static TrainingResult trained;
    private static List<DeepPcbDataset.Entry> pairs;
    private static DeepPcbDataset.Entry pair;
    private static final TemplateDetector DETECTOR = new TemplateDetector();

    @BeforeAll
    static void train() throws Exception {
        Path data = dir.resolve("data");
        Path list = SyntheticBoards.write(data, 10, 128, 5);
        TemplateTrainer trainer = new TemplateTrainer();
        Parameters p = Parameters.bind(trainer.parameters(), Map.of("steps", "20", "batch", "8", "validate", "10"));
        trained = trainer.train(new TrainingRequest(data, dir.resolve("model"), null, false, null),
                ProcessingContext.of(p));
        pairs = DeepPcbDataset.read(data, list);
        pair = pairs.get(0);
    }

    @AfterAll
    static void close() {
        DETECTOR.close();
    }

    private static ProcessingContext context(double minScore) throws LoupeException {
        return ProcessingContext.of(Parameters.bind(DETECTOR.parameters(), Map.of("model", trained.model()
                .toString(), "min-score", Double.toString(minScore))));
    }

    @Test
    void everyViewOfACandidateThatLooksTheSameTurnedGetsTheSameAnswer() throws LoupeException {
        // a square centred on the board: its crop is the same under all eight symmetries of the square, so the eight
        // views must be eight copies of one input (a view cut from the wrong place or turned wrongly would differ)
        GrayU8 board = GrayU8.create(128, 128);
        for (int y = 54; y < 74; y++) {
            for (int x = 54; x < 74; x++) {
                board.set(x, y, 255);
            }
        }
        TemplateComparison c = TemplateComparison.of(board, GrayU8.create(128, 128),
                TemplateComparison.Settings.DEFAULT, w -> { });
        assertEquals(1, c.components().size());
        ModelCache cache = new ModelCache(TemplateDetector.class, "/models/template/", "detect.template");
        try {
            ModelHandle model = cache.get(trained.model().toString());
            float[] crops = CandidateClassifier.crops(c, List.of(CandidateCrops.Window.around(c.components().get(0))));
            float[] rows = CandidateClassifier.outputs(model, crops, List.of(0), 0, 8);
            assertEquals(8 * CandidateNetwork.OUTPUTS, rows.length);
            for (int t = 1; t < 8; t++) {
                for (int k = 0; k < CandidateNetwork.CLASSES; k++) {
                    assertEquals(rows[k], rows[t * CandidateNetwork.OUTPUTS + k], 1e-4, "view " + t + " class " + k);
                }
            }
        } finally {
            cache.close();
        }
    }

    @Test
    void recordsTheCandidatesItLearnedFrom() throws LoupeException {
        Map<String, Object> training = ModelSidecar.read(trained.model()).training();
        assertTrue(training.get("candidates").toString().contains("defects"), training.toString());
        assertTrue(ModelSidecar.read(trained.model()).scores().containsKey("validation accuracy"));
    }

    @Test
    void reportsTypedBoxesInsideTheBoard() throws LoupeException {
        PixelImage board = ImageFiles.read(pair.test());
        PixelImage template = ImageFiles.read(pair.template());
        List<Detection> found = DETECTOR.detect(board, template, context(0));
        // at most one detection per candidate (a collapsed box or a duplicate is dropped)
        int candidates = TemplateComparison.of(board, template, TemplateComparison.Settings.DEFAULT, w -> { }).components()
                .size();
        assertTrue(found.size() <= candidates, found.size() + " detections from " + candidates + " candidates");
        for (Detection d : found) {
            assertTrue(d.x1() >= 0 && d.y1() >= 0 && d.x2() <= board.width() && d.y2() <= board.height(),
                    d.toString());
            assertTrue(List.of("open", "short", "mousebite", "spur", "copper", "pin-hole").contains(d.label()));
        }
    }

    @Test
    void anEnsembleOfOneModelTwiceAnswersAsTheModelAlone() throws LoupeException {
        // both members see the same views of every candidate, so the average is the single model's: a row taken from
        // the wrong candidate, view or member would change a score or a type
        String model = trained.model().toString();
        ProcessingContext alone = ProcessingContext.of(Parameters.bind(DETECTOR.parameters(), Map.of("model", model,
                "min-score", "0", "sure", "1")));
        ProcessingContext twice = ProcessingContext.of(Parameters.bind(DETECTOR.parameters(), Map.of("model", model
                + ", " + model, "min-score", "0", "sure", "1")));
        int compared = 0;
        for (DeepPcbDataset.Entry e : pairs) {
            PixelImage board = ImageFiles.read(e.test());
            PixelImage template = ImageFiles.read(e.template());
            List<Detection> one = DETECTOR.detect(board, template, alone);
            List<Detection> two = DETECTOR.detect(board, template, twice);
            assertEquals(one.size(), two.size());
            for (int i = 0; i < one.size(); i++) {
                assertEquals(one.get(i).label(), two.get(i).label());
                assertEquals(one.get(i).score(), two.get(i).score(), 1e-6);
                assertEquals(one.get(i).x1(), two.get(i).x1(), 1e-9);
            }
            compared += one.size();
        }
        assertTrue(compared > 0, "the synthetic pairs have defects");
    }

    @Test
    void refusesABoardWithoutItsTemplate() throws LoupeException {
        PixelImage board = ImageFiles.read(pair.test());
        LoupeException e = assertThrows(LoupeException.class, () -> DETECTOR.detect(board, context(0.05)));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertTrue(e.getMessage().contains(pair.test().getFileName().toString())
                && e.getMessage().contains("template as the reference"), e.getMessage());
    }
}
