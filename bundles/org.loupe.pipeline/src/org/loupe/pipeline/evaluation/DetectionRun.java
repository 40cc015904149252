package org.loupe.pipeline.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.loupe.api.DefectDetector;
import org.loupe.api.Detection;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.data.deeppcb.DeepPcbFiles;
import org.loupe.data.detection.AnnotatedImageFile;
import org.loupe.image.PixelImage;
import org.loupe.image.io.AtomicFiles;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ReadOptions;
import org.loupe.metrics.detection.AnnotatedImage;
import org.loupe.pipeline.BatchPolicy;
import org.loupe.registry.ProviderHandle;

/**
 * The detections of an evaluation, paired with their annotations: from a detector run on each image (against its
 * reference where the data set has one, as DeepPCB's templates), or from prediction files ({@code <id>.txt}). Under
 * the batch policy an image that cannot be processed costs its own defects, not the evaluation: it is kept with no
 * detections and named in {@link #unprocessed}.
 *
 * @param images      every listed pair with its annotations and detections
 * @param unprocessed ids of the pairs that could not be processed
 */
public record DetectionRun(List<AnnotatedImage> images, List<String> unprocessed) {

    /**
     * Runs the detector on every pair, reading references only for a detector that {@linkplain
     * DefectDetector#usesReference uses them}.
     *
     * @param writeTo where to save each pair's detections as a DeepPCB prediction file, or null
     * @throws LoupeException what the policy does not absorb (usage, cancellation, fail-fast)
     */
    public static DetectionRun detect(ProviderHandle<DefectDetector> detector, ProcessingContext ctx,
            List<AnnotatedImageFile> entries, BatchPolicy policy, ReadOptions read, Path writeTo)
            throws LoupeException {
        List<AnnotatedImage> images = new ArrayList<>();
        List<String> unprocessed = new ArrayList<>();
        boolean compares = detector.call(DefectDetector::usesReference);
        for (AnnotatedImageFile e : entries) {
            List<Detection> found = policy.item(e.id(), () -> {
                PixelImage img = ImageFiles.read(e.image(), read);
                PixelImage template = e.reference() == null || !compares ? null : ImageFiles.read(e.reference(),
                        read);
                return detector.call(d -> d.detect(img, template, ctx));
            }).orElse(null);
            if (found == null) {
                unprocessed.add(e.id());
            } else if (writeTo != null) {
                writePredictions(writeTo.resolve(e.id() + ".txt"), found);
            }
            images.add(new AnnotatedImage(e.id(), e.truth(), found == null ? List.of() : found));
        }
        return new DetectionRun(images, unprocessed);
    }

    /**
     * Reads each pair's prediction file from a folder; a pair without one has no detections.
     *
     * @param notes hears a one-line note when some pairs have no file
     * @throws LoupeException INPUT when the folder holds no file for any pair, or a file is malformed
     */
    public static DetectionRun predictions(Path dir, List<AnnotatedImageFile> entries, Consumer<String> notes)
            throws LoupeException {
        List<AnnotatedImage> images = new ArrayList<>();
        int missing = 0;
        for (AnnotatedImageFile e : entries) {
            Path file = dir.resolve(e.id() + ".txt");
            boolean present = Files.exists(file);
            missing += present ? 0 : 1;
            images.add(new AnnotatedImage(e.id(), e.truth(), present ? DeepPcbFiles.readPredictions(file)
                    : List.of()));
        }
        if (missing == entries.size()) {
            throw LoupeException.badInput(dir.toString(), "holds no prediction file for any of the "
                    + entries.size() + " listed images (expected <id>.txt, e.g. " + entries.get(0).id() + ".txt)");
        }
        if (missing > 0) {
            notes.accept(missing + " of " + entries.size() + " images have no prediction file; counted as no "
                    + "detections");
        }
        return new DetectionRun(images, List.of());
    }

    private static void writePredictions(Path file, List<Detection> found) throws LoupeException {
        try {
            AtomicFiles.writeString(file, DeepPcbFiles.format(found));
        } catch (IOException x) {
            throw LoupeException.badInput(file.toString(), "cannot write predictions (" + x.getMessage() + ")", x);
        }
    }
}
