package org.loupe.api;

import java.util.List;
import org.loupe.image.PixelImage;

/**
 * Finds defects (or other objects) in an image and returns their boxes. Never modifies the image; thread-safe.
 */
public interface DefectDetector extends LoupeService {

    /**
     * The detections in {@code image}, in no particular order, compared against {@code reference} where there is
     * one: a golden (template) image of a defect-free part aligned with it. Detectors that do not compare ignore the
     * reference; detectors that need one refuse a null reference with an INPUT error. The same contract as
     * {@link DefectClassifier#classify}.
     *
     * @param reference the template, or null when there is none
     * @throws LoupeException INPUT for an unaccepted image, a missing or mismatched reference; CANCELLED if cancelled
     */
    List<Detection> detect(PixelImage image, PixelImage reference, ProcessingContext ctx) throws LoupeException;

    /** The detections without a reference. */
    default List<Detection> detect(PixelImage image, ProcessingContext ctx) throws LoupeException {
        return detect(image, null, ctx);
    }

    /** Detects with default parameters, without a reference. */
    default List<Detection> detect(PixelImage image) throws LoupeException {
        return detect(image, null, ProcessingContext.of(Parameters.defaults(parameters())));
    }
}
