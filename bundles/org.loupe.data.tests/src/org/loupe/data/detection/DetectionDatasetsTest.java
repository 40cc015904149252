package org.loupe.data.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;
import org.loupe.metrics.detection.GroundTruth;

/** The data set fingerprint a model records: the same data gives the same hash, any edit another. */
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

    private static String hash(Path image, GroundTruth box) throws LoupeException {
        return DetectionDatasets.hash(List.of(new AnnotatedImageFile("a", image, null, List.of(box))));
    }
}
