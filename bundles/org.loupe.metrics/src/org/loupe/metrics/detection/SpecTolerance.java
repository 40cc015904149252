package org.loupe.metrics.detection;

/**
 * What "within spec" means for a found defect: its predicted box is close enough to the annotated one for the
 * inspection's purpose (re-inspection, repair, measurement).
 *
 * @param position largest distance, in pixels, between the centres of the predicted and the annotated box
 * @param size     largest relative error of the predicted width and of the predicted height (0.25 = 25%)
 */
public record SpecTolerance(double position, double size) {

    /** A default for board and wafer inspection: centres within 5 pixels, sizes within 25%. */
    public static final SpecTolerance DEFAULT = new SpecTolerance(5, 0.25);

    /** Checks the values. */
    public SpecTolerance {
        if (!(position >= 0) || !(size >= 0)) {
            throw new IllegalArgumentException("tolerances must be non-negative");
        }
    }
}
