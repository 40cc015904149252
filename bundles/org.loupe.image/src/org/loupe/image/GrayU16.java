package org.loupe.image;

/** A 16-bit greyscale image; samples are read as 0..65535. */
public final class GrayU16 extends PixelImage {

    private final short[] data;

    GrayU16(short[] data, int width, int height, int offset, int stride, ImageMetadata metadata) {
        super(width, height, offset, stride, metadata);
        checkArray(data.length, width, height, offset, stride, 1);
        this.data = data;
    }

    /** A zero-filled image. */
    public static GrayU16 create(int width, int height) {
        return new GrayU16(new short[checkedLength(width, height, 1)], width, height, 0, width, ImageMetadata.EMPTY);
    }

    /** Wraps a compact row-major array without copying. */
    public static GrayU16 wrap(short[] data, int width, int height) {
        return new GrayU16(data, width, height, 0, width, ImageMetadata.EMPTY);
    }

    /** The backing array, shared with this image and its views. */
    public short[] data() {
        return data;
    }

    /** The sample at (x, y), 0..65535. */
    public int get(int x, int y) {
        return data[offset() + y * stride() + x] & 0xFFFF;
    }

    /** Stores the low 16 bits of {@code value} at (x, y). */
    public void set(int x, int y, int value) {
        data[offset() + y * stride() + x] = (short) value;
    }

    @Override
    public ImageType type() {
        return ImageType.GRAY_U16;
    }

    @Override
    public GrayU16 withMetadata(ImageMetadata newMetadata) {
        return new GrayU16(data, width(), height(), offset(), stride(), newMetadata);
    }

    @Override
    public GrayU16 view(Region r) {
        checkView(r);
        return new GrayU16(data, r.width(), r.height(), offset() + r.y() * stride() + r.x(), stride(), metadata());
    }

    @Override
    public GrayU16 copy() {
        short[] out = new short[width() * height()];
        for (int y = 0; y < height(); y++) {
            System.arraycopy(data, offset() + y * stride(), out, y * width(), width());
        }
        return new GrayU16(out, width(), height(), 0, width(), metadata());
    }

    @Override
    public GrayU16 blank(int newWidth, int newHeight) {
        return create(newWidth, newHeight).withMetadata(metadata());
    }

    @Override
    public float getFloat(int x, int y, int band) {
        return get(x, y);
    }

    @Override
    public void setFloat(int x, int y, int band, float value) {
        set(x, y, PixelType.UINT16.saturate(value));
    }
}
