package org.loupe.api;

import java.util.List;
import org.loupe.image.LabelImage;
import org.loupe.image.PixelImage;
import org.loupe.image.volume.Plane;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;

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

    /**
     * The 2-D answer of a segmenter that works in 3-D: its volume method run on {@code image} as a one-slice volume
     * of 1 mm voxels, the label names taken from the result's {@code labels} property.
     *
     * @throws LoupeException whatever {@link #segment(Volume, ProcessingContext)} throws
     */
    static LabelImage asOneSlice(Segmenter segmenter, PixelImage image, ProcessingContext ctx)
            throws LoupeException {
        Volume one = Volume.create(image.width(), image.height(), 1, VoxelGeometry.UNIT);
        one.setSlice(0, image);
        Volume labels = segmenter.segment(one, ctx);
        int[] out = new int[image.width() * image.height()];
        for (int p = 0; p < out.length; p++) {
            out[p] = Math.round(labels.data()[p]);
        }
        return new LabelImage(image.width(), image.height(), out, List.of(labels.metadata().properties()
                .getOrDefault("labels", "").split(",")));
    }
}
