package org.loupe.image;

/**
 * A float image with any number of bands, each band in its own array with a common offset and stride. Used for colour
 * spaces such as YCbCr and for multi-channel intermediate results.
 */
public final class PlanarF32 extends PixelImage {

    private final float[][] planes;

    PlanarF32(float[][] planes, int width, int height, int offset, int stride, ImageMetadata metadata) {
        super(width, height, offset, stride, metadata);
        if (planes.length == 0) {
            throw new IllegalArgumentException("a planar image needs at least one band");
        }
        for (float[] p : planes) {
            checkArray(p.length, width, height, offset, stride, 1);
        }
        this.planes = planes.clone();
    }

    /** A zero-filled image with the given number of bands. */
    public static PlanarF32 create(int width, int height, int bands) {
        int n = checkedLength(width, height, 1);
        float[][] planes = new float[bands][n];
        return new PlanarF32(planes, width, height, 0, width, ImageMetadata.EMPTY);
    }

    /** Wraps compact row-major arrays, one per band, without copying the samples. */
    public static PlanarF32 wrap(int width, int height, float[]... planes) {
        return new PlanarF32(planes, width, height, 0, width, ImageMetadata.EMPTY);
    }

    /** The backing array of one band, shared with this image and its views. */
    public float[] plane(int band) {
        return planes[band];
    }

    /** One band as a greyscale image sharing the samples. */
    public GrayF32 band(int band) {
        return new GrayF32(planes[band], width(), height(), offset(), stride(), metadata());
    }

    /** The sample of one band at (x, y). */
    public float get(int x, int y, int band) {
        return planes[band][offset() + y * stride() + x];
    }

    /** Stores a sample of one band at (x, y). */
    public void set(int x, int y, int band, float value) {
        planes[band][offset() + y * stride() + x] = value;
    }

    @Override
    public ImageType type() {
        return ImageType.planarF32(planes.length);
    }

    @Override
    public PlanarF32 withMetadata(ImageMetadata newMetadata) {
        return new PlanarF32(planes, width(), height(), offset(), stride(), newMetadata);
    }

    @Override
    public PlanarF32 view(Region r) {
        checkView(r);
        return new PlanarF32(planes, r.width(), r.height(), offset() + r.y() * stride() + r.x(), stride(), metadata());
    }

    @Override
    public PlanarF32 copy() {
        float[][] out = new float[planes.length][];
        for (int b = 0; b < planes.length; b++) {
            out[b] = band(b).copy().data();
        }
        return new PlanarF32(out, width(), height(), 0, width(), metadata());
    }

    @Override
    public PlanarF32 blank(int newWidth, int newHeight) {
        return create(newWidth, newHeight, planes.length).withMetadata(metadata());
    }

    @Override
    public float getFloat(int x, int y, int band) {
        return get(x, y, band);
    }

    @Override
    public void setFloat(int x, int y, int band, float value) {
        set(x, y, band, value);
    }
}
