package org.loupe.metrics.image;

import java.util.ArrayList;
import java.util.List;
import org.loupe.api.LoupeException;
import org.loupe.image.PixelImage;
import org.loupe.image.RgbU8;
import org.loupe.image.color.YCbCr;
import org.loupe.numerics.Grid;

/**
 * The planes two images are compared on, after the checks every metric needs: same size and type, finite values, a
 * shave that leaves pixels, then the channel selection of an {@link ImageComparison}.
 */
final class ComparedPlanes {

    final List<Grid> image = new ArrayList<>();
    final List<Grid> reference = new ArrayList<>();
    final double range;

    private ComparedPlanes(double range) {
        this.range = range;
    }

    /**
     * @param minSide the smallest width and height that must remain after shaving
     * @throws LoupeException INPUT naming the mismatch or the offending value
     */
    static ComparedPlanes of(PixelImage image, PixelImage reference, ImageComparison how, int minSide)
            throws LoupeException {
        if (!image.type().equals(reference.type()) || image.width() != reference.width()
                || image.height() != reference.height()) {
            throw LoupeException.badInput(name(image), "is " + describe(image) + " but its reference "
                    + name(reference) + " is " + describe(reference) + "; metrics compare images of the same size "
                    + "and type");
        }
        int w = image.width() - 2 * how.shave();
        int h = image.height() - 2 * how.shave();
        if (w < minSide || h < minSide) {
            throw LoupeException.badInput(name(image), "is too small: " + image.width() + "x" + image.height()
                    + " shaved by " + how.shave() + " leaves " + Math.max(w, 0) + "x" + Math.max(h, 0)
                    + ", the metric needs at least " + minSide + "x" + minSide);
        }
        ComparedPlanes p = new ComparedPlanes(how.rangeFor(image.type()));
        p.add(image, how, p.image);
        p.add(reference, how, p.reference);
        return p;
    }

    private void add(PixelImage img, ImageComparison how, List<Grid> into) throws LoupeException {
        if (how.channels() == ImageComparison.Channels.Y && img instanceof RgbU8 rgb) {
            into.add(shaved(Grid.of(YCbCr.lumaU8(rgb)), how.shave(), img));
            return;
        }
        if (how.channels() == ImageComparison.Channels.Y && img.bands() != 1) {
            throw LoupeException.badInput(name(img), "has " + img.bands() + " bands; luma is defined for grey and "
                    + "RGB images (compare all channels instead)");
        }
        for (int b = 0; b < img.bands(); b++) {
            Grid g = new Grid(img.width(), img.height());
            for (int y = 0; y < img.height(); y++) {
                for (int x = 0; x < img.width(); x++) {
                    g.set(x, y, img.getFloat(x, y, b));
                }
            }
            into.add(shaved(g, how.shave(), img));
        }
    }

    private static Grid shaved(Grid g, int shave, PixelImage source) throws LoupeException {
        int w = g.width() - 2 * shave;
        int h = g.height() - 2 * shave;
        Grid out = new Grid(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = g.get(x + shave, y + shave);
                if (!Double.isFinite(v)) {
                    throw LoupeException.badInput(name(source), "has a " + v + " pixel at (" + (x + shave) + ", "
                            + (y + shave) + "); metrics need finite values");
                }
                out.set(x, y, v);
            }
        }
        return out;
    }

    private static String name(PixelImage img) {
        return img.metadata().name().isEmpty() ? "image" : img.metadata().name();
    }

    private static String describe(PixelImage img) {
        return img.width() + "x" + img.height() + " " + img.type();
    }
}
