package org.loupe.image;

/**
 * Physical size of one pixel, so measurements can be reported in real units.
 *
 * @param pixelWidth  width of a pixel in {@code unit}
 * @param pixelHeight height of a pixel in {@code unit}
 * @param unit        length unit, e.g. "µm"; "px" when uncalibrated
 */
public record Calibration(double pixelWidth, double pixelHeight, String unit) {

    /** Uncalibrated: one pixel is one pixel. */
    public static final Calibration NONE = new Calibration(1, 1, "px");

    /** Rejects non-positive sizes and a missing unit. */
    public Calibration {
        if (!(pixelWidth > 0) || !(pixelHeight > 0) || unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("invalid calibration " + pixelWidth + "x" + pixelHeight + " " + unit);
        }
    }

    /** Whether this calibration carries real units. */
    public boolean isCalibrated() {
        return !equals(NONE);
    }
}
