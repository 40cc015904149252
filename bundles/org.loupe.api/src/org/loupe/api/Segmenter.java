package org.loupe.api;

import org.loupe.image.LabelImage;
import org.loupe.image.PixelImage;
import org.loupe.image.volume.Plane;
import org.loupe.image.volume.Volume;

/** Labels every pixel of an image, e.g. region of interest against background. Never modifies the image; thread-safe. */
public interface Segmenter extends LoupeService {

    /**
     * The label image, the same size as the input.
     *
     * @throws LoupeException INPUT for an unaccepted image type, CANCELLED if cancelled
     */
    LabelImage segment(PixelImage image, ProcessingContext ctx) throws LoupeException;

    /**
     * The labels of a volume, as a volume of label numbers on the input's grid, with the label names in the metadata
     * property {@code labels} (comma-separated, background first). By default slice by slice through
     * {@link #segment(PixelImage, ProcessingContext)}; segmenters that work in 3-D override it.
     *
     * @throws LoupeException INPUT if the segmenter does not accept float slices, CANCELLED if cancelled
     */
    default Volume segment(Volume input, ProcessingContext ctx) throws LoupeException {
        Volume out = Volume.create(input.width(), input.height(), input.depth(), input.geometry());
        String names = "";
        for (int k = 0; k < input.depth(); k++) {
            ctx.checkCancelled();
            LabelImage labels = segment(input.slice(Plane.AXIAL, k), ctx.within((double) k / input.depth(),
                    (double) (k + 1) / input.depth()));
            names = String.join(",", labels.names());
            for (int j = 0; j < input.height(); j++) {
                for (int i = 0; i < input.width(); i++) {
                    out.set(i, j, k, labels.label(i, j));
                }
            }
        }
        return out.with(out.geometry(), input.metadata().toBuilder().property("labels", names).build());
    }
}
