package org.loupe.image;

/**
 * An axis-aligned rectangle of pixels, used for zero-copy views and regions of interest.
 *
 * @param x      left column, inclusive
 * @param y      top row, inclusive
 * @param width  number of columns, positive
 * @param height number of rows, positive
 */
public record Region(int x, int y, int width, int height) {

    /** Rejects empty or negative rectangles. */
    public Region {
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("invalid region " + x + "," + y + " " + width + "x" + height);
        }
    }

    /** Whether this region lies inside an image of the given size. */
    public boolean fitsIn(int imageWidth, int imageHeight) {
        return (long) x + width <= imageWidth && (long) y + height <= imageHeight;
    }

    /** Whether the pixel (px, py) is inside this region. */
    public boolean contains(int px, int py) {
        return px >= x && py >= y && px < x + width && py < y + height;
    }
}
