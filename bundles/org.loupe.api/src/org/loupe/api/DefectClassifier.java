package org.loupe.api;

import org.loupe.image.PixelImage;

/**
 * Decides which class an image (usually a patch around a defect) belongs to, optionally against a golden reference
 * image of a defect-free part. Never modifies its inputs; thread-safe.
 */
public interface DefectClassifier extends LoupeService {

    /**
     * The verdict.
     *
     * @param reference the golden (template) image, or null when there is none
     * @throws LoupeException INPUT for unaccepted images or a missing required reference, CANCELLED if cancelled
     */
    Classification classify(PixelImage image, PixelImage reference, ProcessingContext ctx) throws LoupeException;
}
