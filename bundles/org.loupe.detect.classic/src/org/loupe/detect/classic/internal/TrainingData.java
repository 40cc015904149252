package org.loupe.detect.classic.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.loupe.api.LoupeException;
import org.loupe.data.detection.AnnotatedImageFile;
import org.loupe.data.detection.DetectionDatasets;

/** The trainer's data: read from a COCO, YOLO or DeepPCB folder, and fingerprinted for the model's record. */
final class TrainingData {

    private TrainingData() {
    }

    /** Every annotated image of the folder, in its order (a DeepPCB folder's pairs from its list). */
    static List<AnnotatedImageFile> read(Path dataset, String list) throws LoupeException {
        return DetectionDatasets.readAll(dataset, list);
    }

    /** Creates the model folder. */
    static void prepare(Path output) throws LoupeException {
        try {
            Files.createDirectories(output);
        } catch (IOException e) {
            throw LoupeException.badInput(output.toString(), "cannot be created (" + e.getMessage() + ")", e);
        }
    }
}
