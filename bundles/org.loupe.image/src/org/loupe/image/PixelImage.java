package org.loupe.image;

import java.util.Objects;

/**
 * An image held in memory: flat row-major arrays with an offset and a row stride, so that {@link #view(Region)} can
 * share pixels without copying. Pixels are mutable, metadata is not. Equality is identity; compare pixels with
 * {@link #samePixels(PixelImage)}.
 *
 * <p>Not thread-safe for writing; any number of threads may read an image nobody writes.
 */
public abstract sealed class PixelImage permits GrayU8, GrayU16, GrayF32, RgbU8, PlanarF32 {

    private final int width;
    private final int height;
    private final int offset;
    private final int stride;
    private final ImageMetadata metadata;

    PixelImage(int width, int height, int offset, int stride, ImageMetadata metadata) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.offset = offset;
        this.stride = stride;
        this.metadata = Objects.requireNonNull(metadata, "metadata");
    }

    /**
     * A zero-filled image of any supported type.
     *
     * @throws IllegalArgumentException if the size is not positive or too large for one array
     */
    public static PixelImage create(ImageType type, int width, int height) {
        return switch (type.layout()) {
            case GRAY -> switch (type.pixelType()) {
                case UINT8 -> GrayU8.create(width, height);
                case UINT16 -> GrayU16.create(width, height);
                case FLOAT32 -> GrayF32.create(width, height);
            };
            case RGB -> RgbU8.create(width, height);
            case PLANAR -> PlanarF32.create(width, height, type.bands());
        };
    }

    /** Number of array elements an image of this size needs, or an exception if one Java array cannot hold it. */
    static int checkedLength(int width, int height, int elementsPerPixel) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
        long n = (long) width * height * elementsPerPixel;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("image too large for one array: " + width + "x" + height);
        }
        return (int) n;
    }

    static void checkArray(int arrayLength, int width, int height, int offset, int stride, int elementsPerPixel) {
        if (offset < 0 || stride < width * elementsPerPixel
                || (long) offset + (long) (height - 1) * stride + (long) width * elementsPerPixel > arrayLength) {
            throw new IllegalArgumentException("array of " + arrayLength + " elements cannot hold a " + width + "x"
                    + height + " image at offset " + offset + " with stride " + stride);
        }
    }

    /** Width in pixels. */
    public final int width() {
        return width;
    }

    /** Height in pixels. */
    public final int height() {
        return height;
    }

    /** Index of the first sample of the top-left pixel in the backing array(s). */
    public final int offset() {
        return offset;
    }

    /** Array elements from one row to the next. */
    public final int stride() {
        return stride;
    }

    /** Number of pixels. */
    public final long pixelCount() {
        return (long) width * height;
    }

    /** Number of bands. */
    public final int bands() {
        return type().bands();
    }

    /** Immutable metadata. */
    public final ImageMetadata metadata() {
        return metadata;
    }

    /** What kind of image this is. */
    public abstract ImageType type();

    /** The same pixels (shared, not copied) with other metadata. */
    public abstract PixelImage withMetadata(ImageMetadata newMetadata);

    /** A view of a region sharing this image's pixels: writes to one show in the other. */
    public abstract PixelImage view(Region region);

    /** A deep copy with compact storage (offset 0, stride equal to the row length). */
    public abstract PixelImage copy();

    /** A new zero-filled image of the same type and metadata with the given size. */
    public abstract PixelImage blank(int newWidth, int newHeight);

    /** One sample as float, whatever the storage type. */
    public abstract float getFloat(int x, int y, int band);

    /** Sets one sample from a float; integer types round half up and saturate (see {@link PixelType#saturate}). */
    public abstract void setFloat(int x, int y, int band, float value);

    /** Whether both images have the same type, size and sample values (metadata is ignored). */
    public boolean samePixels(PixelImage other) {
        if (other == null || !type().equals(other.type()) || width != other.width || height != other.height) {
            return false;
        }
        int b = bands();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < b; c++) {
                    if (Float.floatToIntBits(getFloat(x, y, c)) != Float.floatToIntBits(other.getFloat(x, y, c))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    final void checkView(Region region) {
        if (!region.fitsIn(width, height)) {
            throw new IllegalArgumentException(region + " lies outside a " + width + "x" + height + " image");
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + width + "x" + height + " " + type() + " " + metadata.name() + "]";
    }
}
