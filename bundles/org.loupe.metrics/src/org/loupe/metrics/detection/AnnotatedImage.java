package org.loupe.metrics.detection;

import java.util.List;
import org.loupe.api.Detection;

/**
 * One image's ground truth and a detector's predictions for it.
 *
 * @param id          image identifier, for reports
 * @param truth       annotated objects
 * @param predictions detections, any order
 */
public record AnnotatedImage(String id, List<GroundTruth> truth, List<Detection> predictions) {

    /** Copies the lists. */
    public AnnotatedImage {
        truth = List.copyOf(truth);
        predictions = List.copyOf(predictions);
    }
}
