package org.loupe.data.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;
import org.loupe.metrics.detection.GroundTruth;

/**
 * The data set fingerprint a model records (the same data gives the same hash, any edit another), and finding one
 * image's annotations where each layout keeps them.
 */
class DetectionDatasetsTest {

    @TempDir
    Path dir;

    @Test
    void theHashIsStableAndChangesWithABoxOrAnImage() throws Exception {
        Path image = Files.write(dir.resolve("a.png"), new byte[] {1, 2, 3});
        GroundTruth box = new GroundTruth(1, 2, 30, 40, "crack");
        String first = hash(image, box);
        assertEquals(first, hash(image, box));
        assertNotEquals(first, hash(image, new GroundTruth(1, 2, 30, 41, "crack")));
        assertNotEquals(first, hash(image, new GroundTruth(1, 2, 30, 40, "scratch")));
        Files.write(image, new byte[] {1, 2, 3, 4});
        assertNotEquals(first, hash(image, box));
    }

    @Test
    void findsAnImagesAnnotationsInEachLayout() throws Exception {
        // DeepPCB: group/13000/13000008_test.jpg annotated in group/13000_not/13000008.txt (x1,y1,x2,y2,type)
        Path board = Files.createDirectories(dir.resolve("group13000/13000")).resolve("13000008_test.jpg");
        Files.write(board, new byte[] {1});
        Path txt = Files.createDirectories(dir.resolve("group13000/13000_not")).resolve("13000008.txt");
        Files.writeString(txt, "10 20 30 40 3\n");
        DetectionDatasets.ImageTruth pcb = DetectionDatasets.truthOf(board).orElseThrow();
        assertEquals(DetectionDatasets.Layout.DEEPPCB, pcb.layout());
        assertEquals(List.of(new GroundTruth(10, 20, 30, 40, "mousebite")), pcb.truth());
        // COCO: annotations.json in the image's folder, naming it
        Path coco = Files.createDirectories(dir.resolve("coco"));
        Path wafer = Files.write(coco.resolve("w1.png"), new byte[] {1});
        Files.write(coco.resolve("w2.png"), new byte[] {1});
        Files.writeString(coco.resolve(CocoFiles.FILE_NAME), CocoFiles.format(List.of(
                new CocoFiles.Entry("w2.png", 8, 8, List.of(new GroundTruth(0, 0, 2, 2, "particle"))),
                new CocoFiles.Entry("w1.png", 8, 8, List.of(new GroundTruth(1, 1, 4, 3, "crack")))),
                List.of("crack", "particle")));
        assertEquals(List.of(new GroundTruth(1, 1, 4, 3, "crack")), DetectionDatasets.truthOf(wafer).orElseThrow()
                .truth());
        // an image no annotation names has none
        assertTrue(DetectionDatasets.truthOf(Files.write(dir.resolve("loose.png"), new byte[] {1})).isEmpty());
    }

    private static String hash(Path image, GroundTruth box) throws LoupeException {
        return DetectionDatasets.hash(List.of(new AnnotatedImageFile("a", image, null, List.of(box))));
    }
}
