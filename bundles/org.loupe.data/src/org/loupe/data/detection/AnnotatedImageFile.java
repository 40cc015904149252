package org.loupe.data.detection;

import java.nio.file.Path;
import java.util.List;
import org.loupe.metrics.detection.GroundTruth;

/**
 * One image of a detection data set with its annotated defects, whatever the layout it was read from.
 *
 * @param id        the image's id (its file name without extension; DeepPCB's pair id)
 * @param image     the image file
 * @param reference the golden image beside it (DeepPCB's template), or null where the layout has none
 * @param truth     the annotated defects
 */
public record AnnotatedImageFile(String id, Path image, Path reference, List<GroundTruth> truth) {

    /** Copies the list. */
    public AnnotatedImageFile {
        truth = List.copyOf(truth);
    }
}
