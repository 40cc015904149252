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

    /** Detects with default parameters. */
    default List<Detection> detect(PixelImage image) throws LoupeException {
        return detect(image, ProcessingContext.of(Parameters.defaults(parameters())));
    }
}
