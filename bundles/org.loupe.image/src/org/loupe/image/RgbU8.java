package org.loupe.image;

/**
 * An 8-bit colour image with interleaved samples R, G, B. The stride counts array elements (three per pixel and more
 * in views), and {@link #offset()} points at the red sample of the top-left pixel.
 */
public final class RgbU8 extends PixelImage {

    private final byte[] data;

    RgbU8(byte[] data, int width, int height, int offset, int stride, ImageMetadata metadata) {
        super(width, height, offset, stride, metadata);
        checkArray(data.length, width, height, offset, stride, 3);
        this.data = data;
    }

    /** A zero-filled (black) image. */
    public static RgbU8 create(int width, int height) {
        return new RgbU8(new byte[checkedLength(width, height, 3)], width, height, 0, 3 * width, ImageMetadata.EMPTY);
    }

    /** Wraps a compact interleaved RGB array without copying. */
    public static RgbU8 wrap(byte[] data, int width, int height) {
        return new RgbU8(data, width, height, 0, 3 * width, ImageMetadata.EMPTY);
    }

    /** The backing array, shared with this image and its views. */
    public byte[] data() {
        return data;
    }

    /** One sample, 0..255; band 0 red, 1 green, 2 blue. */
    public int get(int x, int y, int band) {
        return data[offset() + y * stride() + 3 * x + band] & 0xFF;
    }

    /** Stores the low 8 bits of {@code value} in one band of (x, y). */
    public void set(int x, int y, int band, int value) {
        data[offset() + y * stride() + 3 * x + band] = (byte) value;
    }

    /** Stores a whole pixel. */
    public void set(int x, int y, int red, int green, int blue) {
        int i = offset() + y * stride() + 3 * x;
        data[i] = (byte) red;
        data[i + 1] = (byte) green;
        data[i + 2] = (byte) blue;
    }

    @Override
    public ImageType type() {
        return ImageType.RGB_U8;
    }

    @Override
    public RgbU8 withMetadata(ImageMetadata newMetadata) {
        return new RgbU8(data, width(), height(), offset(), stride(), newMetadata);
    }

    @Override
    public RgbU8 view(Region r) {
        checkView(r);
        return new RgbU8(data, r.width(), r.height(), offset() + r.y() * stride() + 3 * r.x(), stride(), metadata());
    }

    @Override
    public RgbU8 copy() {
        int row = 3 * width();
        byte[] out = new byte[row * height()];
        for (int y = 0; y < height(); y++) {
            System.arraycopy(data, offset() + y * stride(), out, y * row, row);
        }
        return new RgbU8(out, width(), height(), 0, row, metadata());
    }

    @Override
    public RgbU8 blank(int newWidth, int newHeight) {
        return create(newWidth, newHeight).withMetadata(metadata());
    }

    @Override
    public float getFloat(int x, int y, int band) {
        return get(x, y, band);
    }

    @Override
    public void setFloat(int x, int y, int band, float value) {
        set(x, y, band, PixelType.UINT8.saturate(value));
    }
}
