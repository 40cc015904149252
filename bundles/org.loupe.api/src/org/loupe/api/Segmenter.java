package org.loupe.api;

import org.loupe.image.LabelImage;
import org.loupe.image.PixelImage;

/** Labels every pixel of an image, e.g. region of interest against background. Never modifies the image; thread-safe. */
public interface Segmenter extends LoupeService {

    /**
     * The label image, the same size as the input.
     *
     * @throws LoupeException INPUT for an unaccepted image type, CANCELLED if cancelled
     */
    LabelImage segment(PixelImage image, ProcessingContext ctx) throws LoupeException;
}
