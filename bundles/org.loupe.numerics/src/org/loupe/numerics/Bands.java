package org.loupe.numerics;

import org.loupe.image.GrayU8;
import org.loupe.image.PixelImage;
import org.loupe.image.PlanarF32;
import org.loupe.image.RgbU8;

/**
 * Splits multi-band images into greyscale bands and merges them back, so that single-band operations (filters,
 * resampling) apply to colour images band by band.
 */
public final class Bands {

    /** An operation on one band that may fail, e.g. because the caller cancelled. */
    @FunctionalInterface
    public interface BandOperation<E extends Exception> {
        /** Computes the result for one band. */
        PixelImage apply(PixelImage band) throws E;
    }

    private Bands() {
    }

    /** One band of an RGB image as a compact greyscale copy. */
    public static GrayU8 band(RgbU8 image, int band) {
        GrayU8 out = GrayU8.create(image.width(), image.height()).withMetadata(image.metadata());
        byte[] dst = out.data();
        byte[] src = image.data();
        for (int y = 0; y < image.height(); y++) {
            int s = image.offset() + y * image.stride() + band;
            int d = y * image.width();
            for (int x = 0; x < image.width(); x++, s += 3) {
                dst[d + x] = src[s];
            }
        }
        return out;
    }

    /** Three greyscale bands merged into RGB; they must have the same size. */
    public static RgbU8 merge(GrayU8 red, GrayU8 green, GrayU8 blue) {
        RgbU8 out = RgbU8.create(red.width(), red.height()).withMetadata(red.metadata());
        GrayU8[] bands = {red, green, blue};
        for (int b = 0; b < 3; b++) {
            GrayU8 g = bands[b];
            if (g.width() != red.width() || g.height() != red.height()) {
                throw new IllegalArgumentException("bands differ in size");
            }
            for (int y = 0; y < g.height(); y++) {
                for (int x = 0; x < g.width(); x++) {
                    out.set(x, y, b, g.get(x, y));
                }
            }
        }
        return out;
    }

    /**
     * Applies a greyscale operation to each band of a multi-band image, or directly to a greyscale one. The
     * operation must return an image of the band's type.
     */
    public static <E extends Exception> PixelImage perBand(PixelImage image, BandOperation<E> op) throws E {
        if (image instanceof RgbU8 rgb) {
            return merge((GrayU8) op.apply(band(rgb, 0)), (GrayU8) op.apply(band(rgb, 1)),
                    (GrayU8) op.apply(band(rgb, 2)));
        }
        if (image instanceof PlanarF32 planar) {
            PixelImage first = op.apply(planar.band(0));
            PlanarF32 out = PlanarF32.create(first.width(), first.height(), planar.bands())
                    .withMetadata(planar.metadata());
            for (int b = 0; b < planar.bands(); b++) {
                PixelImage r = b == 0 ? first : op.apply(planar.band(b));
                for (int y = 0; y < r.height(); y++) {
                    for (int x = 0; x < r.width(); x++) {
                        out.set(x, y, b, r.getFloat(x, y, 0));
                    }
                }
            }
            return out;
        }
        return op.apply(image);
    }
}
