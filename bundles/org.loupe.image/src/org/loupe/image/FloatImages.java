package org.loupe.image;

/**
 * Moving samples between their stored type and floats on another scale, as models and protocols want them (a
 * 16-bit frame divided by 65535, a network's [0, 1] output back to 8 bits).
 */
public final class FloatImages {

    private FloatImages() {
    }

    /**
     * Band {@code band} of an image as a new dense float image, every value divided by {@code divisor} (in double,
     * so 8- and 16-bit values over their full scale come out correctly rounded).
     */
    public static GrayF32 toFloat(PixelImage image, int band, double divisor) {
        GrayF32 out = GrayF32.create(image.width(), image.height()).withMetadata(image.metadata());
        float[] d = out.data();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                d[y * image.width() + x] = (float) (image.getFloat(x, y, band) / divisor);
            }
        }
        return out;
    }

    /**
     * The image's brightness in [0, 1] as a new dense float image: grey values over their type's full scale (1 for
     * float), colour as full-range BT.601 luma (0.299 R + 0.587 G + 0.114 B) over 255, so a grey picture saved as RGB
     * keeps its values.
     */
    public static GrayF32 brightness(PixelImage image) {
        if (!(image instanceof RgbU8 rgb)) {
            PixelType type = image.type().pixelType();
            return toFloat(image, 0, type.isInteger() ? type.maxValue() : 1);
        }
        GrayF32 out = GrayF32.create(rgb.width(), rgb.height()).withMetadata(rgb.metadata());
        float[] d = out.data();
        for (int y = 0; y < rgb.height(); y++) {
            for (int x = 0; x < rgb.width(); x++) {
                d[y * rgb.width() + x] = (float) ((0.299 * rgb.get(x, y, 0) + 0.587 * rgb.get(x, y, 1) + 0.114
                        * rgb.get(x, y, 2)) / 255);
            }
        }
        return out;
    }

    /**
     * {@code values * factor} stored in a new one-band image of {@code type}: rounded and saturated for integer
     * types, as they are for float.
     */
    public static PixelImage fromFloat(GrayF32 values, ImageType type, double factor) {
        PixelImage out = PixelImage.create(type, values.width(), values.height());
        PixelType p = type.pixelType();
        for (int y = 0; y < values.height(); y++) {
            for (int x = 0; x < values.width(); x++) {
                double v = values.get(x, y) * factor;
                out.setFloat(x, y, 0, p.isInteger() ? p.saturate(v) : (float) v);
            }
        }
        return out;
    }
}
