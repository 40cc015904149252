package org.loupe.data.wafer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.data.detection.AnnotatedImageFile;
import org.loupe.data.detection.DetectionDatasets;
import org.loupe.image.GrayU8;
import org.loupe.image.io.ImageFiles;
import org.loupe.metrics.detection.GroundTruth;

/** Synthetic wafers: deterministic, annotated tightly, readable back in COCO and YOLO layout. */
class WaferDatasetTest {

    @TempDir
    Path dir;

    @Test
    void aSeedGivesTheSameWaferAndAnotherSeedAnotherOne() {
        WaferGenerator.Wafer a = WaferGenerator.generate(200, Difficulty.NORMAL, 7);
        WaferGenerator.Wafer b = WaferGenerator.generate(200, Difficulty.NORMAL, 7);
        WaferGenerator.Wafer c = WaferGenerator.generate(200, Difficulty.NORMAL, 8);
        assertArrayEquals(a.image().data(), b.image().data());
        assertEquals(a.defects(), b.defects());
        assertFalse(Arrays.equals(a.image().data(), c.image().data()));
    }

    @Test
    void everyWaferHasTwoToFiveSeparateDefectsOnTheWaferOfAllThreeClasses() {
        Set<String> seen = new HashSet<>();
        for (long seed = 1; seed <= 40; seed++) {
            WaferGenerator.Wafer w = WaferGenerator.generate(400, Difficulty.NORMAL, seed);
            assertTrue(w.defects().size() >= 2 && w.defects().size() <= 5, "seed " + seed + ": "
                    + w.defects().size());
            for (GroundTruth g : w.defects()) {
                seen.add(g.label());
                assertTrue(g.x1() >= 0 && g.y1() >= 0 && g.x2() <= 400 && g.y2() <= 400, g.toString());
                double cx = (g.x1() + g.x2()) / 2;
                double cy = (g.y1() + g.y2()) / 2;
                assertTrue(Math.hypot(cx - 200, cy - 200) < 0.46 * 400, "on the wafer: " + g);
            }
        }
        assertEquals(Set.of("scratch", "particle", "crack"), seen);
    }

    @Test
    void aDefectChangesThePixelsInsideItsBox() {
        WaferGenerator.Wafer w = WaferGenerator.generate(400, Difficulty.EASY, 3);
        GrayU8 clean = WaferGenerator.generate(400, new Difficulty(0, 0, 1.2, 3), 3).image();
        for (GroundTruth g : w.defects()) {
            int changed = 0;
            for (int y = (int) g.y1(); y < g.y2(); y++) {
                for (int x = (int) g.x1(); x < g.x2(); x++) {
                    changed += Math.abs(w.image().get(x, y) - clean.get(x, y)) > 20 ? 1 : 0;
                }
            }
            assertTrue(changed >= 3, "the defect is visible in its box: " + g + " changed " + changed);
        }
    }

    @Test
    void cocoAndYoloFoldersReadBackTheGeneratedBoxes() throws Exception {
        Path coco = dir.resolve("coco");
        Path yolo = dir.resolve("yolo");
        WaferDataset.create(coco, 4, 5, 200, "hard", DetectionDatasets.Layout.COCO, ProcessingContext.none());
        WaferDataset.create(yolo, 4, 5, 200, "hard", DetectionDatasets.Layout.YOLO, ProcessingContext.none());
        assertEquals(DetectionDatasets.Layout.COCO, DetectionDatasets.layoutOf(coco));
        assertEquals(DetectionDatasets.Layout.YOLO, DetectionDatasets.layoutOf(yolo));
        List<AnnotatedImageFile> a = DetectionDatasets.read(coco);
        List<AnnotatedImageFile> b = DetectionDatasets.read(yolo);
        assertEquals(4, a.size());
        for (int i = 0; i < 4; i++) {
            List<GroundTruth> truth = WaferGenerator.generate(200, Difficulty.HARD, 5 * 1_000_003L + i).defects();
            assertEquals(truth, a.get(i).truth(), "COCO keeps the boxes exactly");
            assertEquals(truth.size(), b.get(i).truth().size());
            for (int k = 0; k < truth.size(); k++) {
                assertEquals(truth.get(k).label(), b.get(i).truth().get(k).label());
                assertEquals(truth.get(k).x1(), b.get(i).truth().get(k).x1(), 1e-3, "YOLO to 6 decimals");
                assertEquals(truth.get(k).y2(), b.get(i).truth().get(k).y2(), 1e-3);
            }
            assertEquals(200, ImageFiles.read(a.get(i).image()).width());
        }
        assertTrue(Files.readString(coco.resolve("wafers.json")).contains("\"difficulty\": \"hard\""));
        assertThrows(LoupeException.class, () -> WaferDataset.create(coco, 1, 1, 200, "normal",
                DetectionDatasets.Layout.COCO, ProcessingContext.none()), "an existing set is never overwritten");
    }

    @Test
    void aMalformedCocoBoxIsBadInputNamingTheAnnotation() throws Exception {
        Path d = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(d.resolve("annotations.json"), "{\"images\": [{\"id\": 1, \"file_name\": \"a.png\", "
                + "\"width\": 10, \"height\": 10}], \"categories\": [{\"id\": 1, \"name\": \"scratch\"}], "
                + "\"annotations\": [{\"id\": 1, \"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 1, -3, 2]}]}");
        LoupeException e = assertThrows(LoupeException.class, () -> DetectionDatasets.read(d));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertTrue(e.getMessage().contains("annotations[0]"), e.getMessage());
    }
}
