package org.loupe.api;

import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;

/**
 * Turns an image into a better one: denoising, deblurring, super-resolution, filtering. Registered as a DS service
 * with {@link LoupeProvider} metadata.
 *
 * <p>Implementations never modify {@code input}; they return a new image whose type is {@link #outputType(ImageType)}.
 * They must be safe to call from several threads at once.
 */
public interface ImageEnhancer extends LoupeService {

    /**
     * Computes the enhanced image.
     *
     * @throws LoupeException INPUT for an image type the provider does not accept, CANCELLED if the context was
     *                        cancelled
     */
    PixelImage enhance(PixelImage input, ProcessingContext ctx) throws LoupeException;

    /** The type of the image {@link #enhance} returns for an input of the given type; by default the same type. */
    default ImageType outputType(ImageType input) {
        return input;
    }

    /** Enhances with default parameters, no progress and no cancellation. */
    default PixelImage enhance(PixelImage input) throws LoupeException {
        return enhance(input, ProcessingContext.of(Parameters.defaults(parameters())));
    }
}
