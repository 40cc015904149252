package org.loupe.metrics.segmentation;

import org.loupe.image.LabelImage;
import org.loupe.image.PixelImage;

/** A binary region: which pixels belong to it. Immutable. */
public final class Mask {

    private final int width;
    private final int height;
    private final boolean[] inside;

    private Mask(int width, int height, boolean[] inside) {
        this.width = width;
        this.height = height;
        this.inside = inside;
    }

    /**
     * The non-zero pixels of a single-band image (a mask saved as a file).
     *
     * @throws IllegalArgumentException for a multi-band image or a non-finite value
     */
    public static Mask nonZero(PixelImage image) {
        if (image.bands() != 1) {
            throw new IllegalArgumentException("a mask has one band, this image has " + image.bands());
        }
        boolean[] in = new boolean[image.width() * image.height()];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                float v = image.getFloat(x, y, 0);
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("mask value " + v + " at (" + x + ", " + y + ")");
                }
                in[y * image.width() + x] = v != 0;
            }
        }
        return new Mask(image.width(), image.height(), in);
    }

    /** The pixels carrying one label of a segmentation. */
    public static Mask of(LabelImage labels, int label) {
        boolean[] in = new boolean[labels.width() * labels.height()];
        for (int y = 0; y < labels.height(); y++) {
            for (int x = 0; x < labels.width(); x++) {
                in[y * labels.width() + x] = labels.label(x, y) == label;
            }
        }
        return new Mask(labels.width(), labels.height(), in);
    }

    /** Width. */
    public int width() {
        return width;
    }

    /** Height. */
    public int height() {
        return height;
    }

    /** Whether (x, y) is inside. */
    public boolean contains(int x, int y) {
        return inside[y * width + x];
    }

    /** Number of pixels inside. */
    public long area() {
        long n = 0;
        for (boolean b : inside) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** Pixels inside this mask and the other. */
    long intersection(Mask o) {
        requireSameSize(o);
        long n = 0;
        for (int i = 0; i < inside.length; i++) {
            n += inside[i] && o.inside[i] ? 1 : 0;
        }
        return n;
    }

    /**
     * The boundary: inside pixels with a 4-neighbour outside the mask or on the image edge (the pixels a binary
     * erosion with a cross and a zero border removes, as MedPy defines a surface).
     */
    Mask boundary() {
        boolean[] b = new boolean[inside.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (inside[y * width + x]) {
                    b[y * width + x] = x == 0 || y == 0 || x == width - 1 || y == height - 1
                            || !inside[y * width + x - 1] || !inside[y * width + x + 1]
                            || !inside[(y - 1) * width + x] || !inside[(y + 1) * width + x];
                }
            }
        }
        return new Mask(width, height, b);
    }

    void requireSameSize(Mask o) {
        if (o.width != width || o.height != height) {
            throw new IllegalArgumentException("masks differ in size: " + width + "x" + height + " and " + o.width
                    + "x" + o.height);
        }
    }

    boolean[] pixels() {
        return inside;
    }
}
