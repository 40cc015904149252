package org.loupe.testing;

import java.util.List;
import java.util.SplittableRandom;
import org.loupe.image.ImageMetadata;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;

/**
 * Deterministic test images of every type: smooth gradients with edges and seeded noise, so that filters have both
 * structure and texture to work on. Integer images use the full range of their type (16-bit values above 255
 * included), so lost bits show up.
 */
public final class SyntheticImages {

    /** The types Loupe can store, one image of each is usually enough for a contract test. */
    public static final List<ImageType> ALL_TYPES = List.of(ImageType.GRAY_U8, ImageType.GRAY_U16,
            ImageType.GRAY_F32, ImageType.RGB_U8, ImageType.planarF32(3));

    private SyntheticImages() {
    }

    /**
     * A gradient with a bright square and seeded noise, scaled to the type's range (0..1 for float types).
     *
     * @param seed noise seed; the same seed gives the same image
     */
    public static PixelImage scene(ImageType type, int width, int height, long seed) {
        PixelImage img = PixelImage.create(type, width, height)
                .withMetadata(ImageMetadata.builder().name("synthetic-" + type.layout().name().toLowerCase()).build());
        double max = type.pixelType().isInteger() ? type.pixelType().maxValue() : 1.0;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean inSquare = x > width / 4 && x < 3 * width / 4 && y > height / 4 && y < 3 * height / 4;
                for (int b = 0; b < type.bands(); b++) {
                    double v = 0.15 + 0.5 * (x + b * 7) / (double) width + (inSquare ? 0.25 : 0)
                            + 0.05 * rnd.nextGaussian();
                    img.setFloat(x, y, b, (float) (Math.max(0, Math.min(1, v)) * max));
                }
            }
        }
        return img;
    }

    /** A constant image. */
    public static PixelImage constant(ImageType type, int width, int height, float value) {
        PixelImage img = PixelImage.create(type, width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int b = 0; b < type.bands(); b++) {
                    img.setFloat(x, y, b, value);
                }
            }
        }
        return img;
    }

    /** Sets a fraction of pixels to 0 or the maximum (salt and pepper noise), seeded. */
    public static PixelImage withImpulses(PixelImage image, double fraction, long seed) {
        PixelImage out = image.copy();
        double max = out.type().pixelType().isInteger() ? out.type().pixelType().maxValue() : 1.0;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int y = 0; y < out.height(); y++) {
            for (int x = 0; x < out.width(); x++) {
                if (rnd.nextDouble() < fraction) {
                    float v = rnd.nextBoolean() ? (float) max : 0f;
                    for (int b = 0; b < out.bands(); b++) {
                        out.setFloat(x, y, b, v);
                    }
                }
            }
        }
        return out;
    }

    /**
     * An 8-bit grey image (a synthetic wafer, a drawn board) in another type, every band the same: values scaled to
     * the type's full range, or to [0, 1] for float types.
     */
    public static PixelImage asType(PixelImage grey8, ImageType type) {
        PixelImage out = PixelImage.create(type, grey8.width(), grey8.height());
        double scale = type.pixelType().isInteger() ? type.pixelType().maxValue() / 255.0 : 1 / 255.0;
        for (int y = 0; y < grey8.height(); y++) {
            for (int x = 0; x < grey8.width(); x++) {
                for (int b = 0; b < out.bands(); b++) {
                    out.setFloat(x, y, b, (float) (grey8.getFloat(x, y, 0) * scale));
                }
            }
        }
        return out;
    }
}
