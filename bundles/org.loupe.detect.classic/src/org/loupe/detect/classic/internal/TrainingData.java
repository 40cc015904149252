package org.loupe.detect.classic.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.loupe.api.LoupeException;
import org.loupe.data.detection.AnnotatedImageFile;
import org.loupe.data.detection.DetectionDatasets;
import org.loupe.metrics.detection.GroundTruth;

/** The trainer's data: read from a COCO, YOLO or DeepPCB folder, and fingerprinted for the model's record. */
final class TrainingData {

    private TrainingData() {
    }

    /** Every annotated image of the folder, in its order (a DeepPCB folder's pairs from its list). */
    static List<AnnotatedImageFile> read(Path dataset, String list) throws LoupeException {
        return DetectionDatasets.readAll(dataset, list);
    }

    /** SHA-256 of the images' names and sizes and of every annotation, so a model names the data it saw. */
    static String hash(List<AnnotatedImageFile> all) throws LoupeException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (AnnotatedImageFile f : all) {
                md.update((f.image().getFileName() + " " + Files.size(f.image()) + "\n").getBytes(
                        StandardCharsets.UTF_8));
                for (GroundTruth g : f.truth()) {
                    md.update(String.format(Locale.ROOT, "%s %.3f %.3f %.3f %.3f\n", g.label(), g.x1(), g.y1(),
                            g.x2(), g.y2()).getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw LoupeException.badInput("training images", "cannot be read (" + e.getMessage() + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
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
