package org.loupe.image;

import java.util.Locale;

/**
 * What kind of image something is, without its pixels: layout, sample type and band count. Providers declare the
 * types they accept with the stable string form ({@code GRAY:UINT16:1}), so it is readable before any provider runs.
 *
 * @param layout    band arrangement
 * @param pixelType storage type of one sample
 * @param bands     number of bands (1 for GRAY, 3 for RGB, any positive count for PLANAR)
 */
public record ImageType(Layout layout, PixelType pixelType, int bands) {

    /** 8-bit greyscale. */
    public static final ImageType GRAY_U8 = new ImageType(Layout.GRAY, PixelType.UINT8, 1);
    /** 16-bit greyscale. */
    public static final ImageType GRAY_U16 = new ImageType(Layout.GRAY, PixelType.UINT16, 1);
    /** 32-bit float greyscale. */
    public static final ImageType GRAY_F32 = new ImageType(Layout.GRAY, PixelType.FLOAT32, 1);
    /** 8-bit interleaved RGB. */
    public static final ImageType RGB_U8 = new ImageType(Layout.RGB, PixelType.UINT8, 3);

    /** Checks the combination is one Loupe can store. */
    public ImageType {
        if (layout == null || pixelType == null) {
            throw new IllegalArgumentException("layout and pixel type are required");
        }
        boolean ok = switch (layout) {
            case GRAY -> bands == 1;
            case RGB -> bands == 3 && pixelType == PixelType.UINT8;
            case PLANAR -> bands >= 1 && pixelType == PixelType.FLOAT32;
        };
        if (!ok) {
            throw new IllegalArgumentException("unsupported image type " + layout + ":" + pixelType + ":" + bands);
        }
    }

    /** Planar float with the given number of bands. */
    public static ImageType planarF32(int bands) {
        return new ImageType(Layout.PLANAR, PixelType.FLOAT32, bands);
    }

    /**
     * Parses the string form written by {@link #toString()}, e.g. {@code GRAY:UINT16:1}.
     *
     * @throws IllegalArgumentException naming the text if it is not a valid type
     */
    public static ImageType parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().toUpperCase(Locale.ROOT).split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not an image type: '" + text + "' (expected e.g. GRAY:UINT16:1)");
        }
        try {
            return new ImageType(Layout.valueOf(parts[0]), PixelType.valueOf(parts[1]), Integer.parseInt(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an image type: '" + text + "' (" + e.getMessage() + ")", e);
        }
    }

    /** The stable string form, {@code LAYOUT:PIXELTYPE:BANDS}. */
    @Override
    public String toString() {
        return layout + ":" + pixelType + ":" + bands;
    }
}
