package org.loupe.api;

import java.util.List;
import org.loupe.image.PixelImage;

/**
 * Finds defects (or other objects) in an image and returns their boxes. Never modifies the image; thread-safe.
 */
public interface DefectDetector extends LoupeService {

    /**
     * The detections, in no particular order.
     *
     * @throws LoupeException INPUT for an unaccepted image type, CANCELLED if cancelled
     */
    List<Detection> detect(PixelImage image, ProcessingContext ctx) throws LoupeException;

    /**
     * The detections in {@code image} compared against {@code reference}, a golden (template) image of a defect-free
     * part aligned with it. Detectors that do not compare ignore the reference; detectors that need one override this
     * and refuse the one-image call with an INPUT error.
     *
     * @param reference the template, or null when there is none
     * @throws LoupeException INPUT for an unaccepted image, a missing or mismatched reference; CANCELLED if cancelled
     */
    default List<Detection> detect(PixelImage image, PixelImage reference, ProcessingContext ctx)
            throws LoupeException {
        return detect(image, ctx);
    }

    /** Detects with default parameters. */
    default List<Detection> detect(PixelImage image) throws LoupeException {
        return detect(image, ProcessingContext.of(Parameters.defaults(parameters())));
    }
}
