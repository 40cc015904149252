package org.loupe.image;

/** An 8-bit greyscale image; samples are read as 0..255. */
public final class GrayU8 extends PixelImage {

    private final byte[] data;

    GrayU8(byte[] data, int width, int height, int offset, int stride, ImageMetadata metadata) {
        super(width, height, offset, stride, metadata);
        checkArray(data.length, width, height, offset, stride, 1);
        this.data = data;
    }

    /** A zero-filled image. */
    public static GrayU8 create(int width, int height) {
        return new GrayU8(new byte[checkedLength(width, height, 1)], width, height, 0, width, ImageMetadata.EMPTY);
    }

    /** Wraps a compact row-major array without copying. */
    public static GrayU8 wrap(byte[] data, int width, int height) {
        return new GrayU8(data, width, height, 0, width, ImageMetadata.EMPTY);
    }

    /** The backing array, shared with this image and its views. */
    public byte[] data() {
        return data;
    }

    /** The sample at (x, y), 0..255. */
    public int get(int x, int y) {
        return data[offset() + y * stride() + x] & 0xFF;
    }

    /** Stores the low 8 bits of {@code value} at (x, y). */
    public void set(int x, int y, int value) {
        data[offset() + y * stride() + x] = (byte) value;
    }

    @Override
    public ImageType type() {
        return ImageType.GRAY_U8;
    }

    @Override
    public GrayU8 withMetadata(ImageMetadata newMetadata) {
        return new GrayU8(data, width(), height(), offset(), stride(), newMetadata);
    }

    @Override
    public GrayU8 view(Region r) {
        checkView(r);
        return new GrayU8(data, r.width(), r.height(), offset() + r.y() * stride() + r.x(), stride(), metadata());
    }

    @Override
    public GrayU8 copy() {
        byte[] out = new byte[width() * height()];
        for (int y = 0; y < height(); y++) {
            System.arraycopy(data, offset() + y * stride(), out, y * width(), width());
        }
        return new GrayU8(out, width(), height(), 0, width(), metadata());
    }

    @Override
    public GrayU8 blank(int newWidth, int newHeight) {
        return create(newWidth, newHeight).withMetadata(metadata());
    }

    @Override
    public float getFloat(int x, int y, int band) {
        return get(x, y);
    }

    @Override
    public void setFloat(int x, int y, int band, float value) {
        set(x, y, PixelType.UINT8.saturate(value));
    }
}
