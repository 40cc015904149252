package org.loupe.metrics.detection;

import java.util.Objects;

/**
 * An annotated object: a box in pixel coordinates (x1, y1 top-left; x2, y2 bottom-right, exclusive) and its class.
 */
public record GroundTruth(double x1, double y1, double x2, double y2, String label) {

    /** Rejects inverted boxes and non-finite coordinates. */
    public GroundTruth {
        Objects.requireNonNull(label, "label");
        if (!(x2 >= x1 && y2 >= y1) || !Double.isFinite(x1 + y1 + x2 + y2)) {
            throw new IllegalArgumentException("invalid box " + x1 + "," + y1 + "," + x2 + "," + y2);
        }
    }
}
