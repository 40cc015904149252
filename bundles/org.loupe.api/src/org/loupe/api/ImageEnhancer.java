package org.loupe.api;

import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.volume.Plane;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;

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

    /**
     * About how many bytes {@link #enhance} needs at its peak for an image of this type and size with these
     * parameters (the input itself not counted), so that a caller can refuse work that would exhaust memory before
     * it starts rather than after minutes. By default a same-sized result and three float working copies; enhancers
     * that change the size or hold more override it.
     */
    default long workingBytes(ImageType type, int width, int height, Parameters parameters) {
        return 4L * width * height * type.bands() * Float.BYTES;
    }

    /**
     * Enhances a volume. By default slice by slice: each axial slice goes through {@link #enhance(PixelImage,
     * ProcessingContext)} as a float image, and the in-plane spacing follows a change of slice size (an upscaling
     * enhancer gives finer voxels). Enhancers with a genuinely 3-D method override it.
     *
     * @throws LoupeException INPUT if the enhancer does not accept float images, CANCELLED if cancelled
     */
    default Volume enhance(Volume input, ProcessingContext ctx) throws LoupeException {
        Volume out = null;
        for (int k = 0; k < input.depth(); k++) {
            ctx.checkCancelled();
            PixelImage slice = enhance(input.slice(Plane.AXIAL, k), ctx.within((double) k / input.depth(),
                    (double) (k + 1) / input.depth()));
            if (out == null) {
                VoxelGeometry g = input.geometry();
                out = Volume.create(slice.width(), slice.height(), input.depth(), new VoxelGeometry(g.spacingX()
                        * input.width() / slice.width(), g.spacingY() * input.height() / slice.height(),
                        g.spacingZ(), g.origin(), g.direction()));
            }
            out.setSlice(k, slice);
        }
        return out.with(out.geometry(), input.metadata());
    }

    /** Enhances with default parameters, no progress and no cancellation. */
    default PixelImage enhance(PixelImage input) throws LoupeException {
        return enhance(input, ProcessingContext.of(Parameters.defaults(parameters())));
    }
}
