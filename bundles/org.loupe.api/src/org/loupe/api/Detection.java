package org.loupe.api;

import java.util.Objects;

/**
 * One detected object: a box in pixel coordinates (x1, y1 top-left, x2, y2 bottom-right, exclusive), a class label
 * and a confidence score.
 */
public record Detection(double x1, double y1, double x2, double y2, String label, double score) {

    /** Rejects inverted boxes and non-finite values. */
    public Detection {
        Objects.requireNonNull(label, "label");
        if (!(x2 >= x1 && y2 >= y1) || !Double.isFinite(x1 + y1 + x2 + y2 + score)) {
            throw new IllegalArgumentException("invalid box " + x1 + "," + y1 + "," + x2 + "," + y2 + " score " + score);
        }
    }

    /** Box width. */
    public double width() {
        return x2 - x1;
    }

    /** Box height. */
    public double height() {
        return y2 - y1;
    }

    /** Box area. */
    public double area() {
        return width() * height();
    }
}
