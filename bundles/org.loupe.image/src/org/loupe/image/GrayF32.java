package org.loupe.image;

/** A 32-bit float greyscale image, the working type of most computations. */
public final class GrayF32 extends PixelImage {

    private final float[] data;

    GrayF32(float[] data, int width, int height, int offset, int stride, ImageMetadata metadata) {
        super(width, height, offset, stride, metadata);
        checkArray(data.length, width, height, offset, stride, 1);
        this.data = data;
    }

    /** A zero-filled image. */
    public static GrayF32 create(int width, int height) {
        return new GrayF32(new float[checkedLength(width, height, 1)], width, height, 0, width, ImageMetadata.EMPTY);
    }

    /** Wraps a compact row-major array without copying. */
    public static GrayF32 wrap(float[] data, int width, int height) {
        return new GrayF32(data, width, height, 0, width, ImageMetadata.EMPTY);
    }

    /**
     * Wraps part of an array without copying: the pixel (x, y) is {@code data[offset + y * stride + x]}. Lets other
     * containers (a volume's slices) lend their samples as images.
     *
     * @throws IllegalArgumentException if the array cannot hold the image so laid out
     */
    public static GrayF32 wrap(float[] data, int width, int height, int offset, int stride, ImageMetadata metadata) {
        return new GrayF32(data, width, height, offset, stride, metadata);
    }

    /** The backing array, shared with this image and its views. */
    public float[] data() {
        return data;
    }

    /** The sample at (x, y). */
    public float get(int x, int y) {
        return data[offset() + y * stride() + x];
    }

    /** Stores a sample at (x, y). */
    public void set(int x, int y, float value) {
        data[offset() + y * stride() + x] = value;
    }

    @Override
    public ImageType type() {
        return ImageType.GRAY_F32;
    }

    @Override
    public GrayF32 withMetadata(ImageMetadata newMetadata) {
        return new GrayF32(data, width(), height(), offset(), stride(), newMetadata);
    }

    @Override
    public GrayF32 view(Region r) {
        checkView(r);
        return new GrayF32(data, r.width(), r.height(), offset() + r.y() * stride() + r.x(), stride(), metadata());
    }

    @Override
    public GrayF32 copy() {
        float[] out = new float[width() * height()];
        for (int y = 0; y < height(); y++) {
            System.arraycopy(data, offset() + y * stride(), out, y * width(), width());
        }
        return new GrayF32(out, width(), height(), 0, width(), metadata());
    }

    @Override
    public GrayF32 blank(int newWidth, int newHeight) {
        return create(newWidth, newHeight).withMetadata(metadata());
    }

    @Override
    public float getFloat(int x, int y, int band) {
        return get(x, y);
    }

    @Override
    public void setFloat(int x, int y, int band, float value) {
        set(x, y, value);
    }
}
