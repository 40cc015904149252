package org.loupe.numerics;

import java.util.Arrays;
import org.loupe.image.PixelImage;

/**
 * A rectangle of doubles, row-major: the working form of spectra, wavelet subbands and other results that are not
 * images to be stored in a file. Mutable; not thread-safe for writing.
 */
public final class Grid {

    private final int width;
    private final int height;
    private final double[] values;

    /** A grid of zeros. */
    public Grid(int width, int height) {
        this(width, height, new double[Math.multiplyExact(width, height)]);
    }

    /** Wraps row-major values without copying. */
    public Grid(int width, int height, double[] values) {
        if (width <= 0 || height <= 0 || values.length != (long) width * height) {
            throw new IllegalArgumentException(values.length + " values cannot form a " + width + "x" + height + " grid");
        }
        this.width = width;
        this.height = height;
        this.values = values;
    }

    /** The samples of a single-band image. */
    public static Grid of(PixelImage band) {
        if (band.bands() != 1) {
            throw new IllegalArgumentException("a grid holds one band, the image has " + band.bands());
        }
        Grid g = new Grid(band.width(), band.height());
        for (int y = 0; y < band.height(); y++) {
            Rows.read(band, y, g.values, y * band.width());
        }
        return g;
    }

    /** Width. */
    public int width() {
        return width;
    }

    /** Height. */
    public int height() {
        return height;
    }

    /** The backing array, row-major. */
    public double[] values() {
        return values;
    }

    /** The value at (x, y). */
    public double get(int x, int y) {
        return values[y * width + x];
    }

    /** Sets the value at (x, y). */
    public void set(int x, int y, double v) {
        values[y * width + x] = v;
    }

    /** A deep copy. */
    public Grid copy() {
        return new Grid(width, height, values.clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Grid g && g.width == width && g.height == height && Arrays.equals(g.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Grid[" + width + "x" + height + "]";
    }
}
