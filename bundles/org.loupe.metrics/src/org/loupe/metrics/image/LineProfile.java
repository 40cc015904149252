package org.loupe.metrics.image;

import org.loupe.image.Calibration;
import org.loupe.image.PixelImage;

/**
 * The values of an image along a straight line, one sample per pixel of length (bilinear between pixel centres,
 * bands averaged), and the line's length in pixels and in the image's calibrated units: a line profile and a
 * distance, as an analyst measures an edge's sharpness or a gap's width.
 *
 * @param values     the samples from the first end to the second, {@code round(length) + 1} of them
 * @param length     the line's length in pixels
 * @param calibrated its length in {@code unit}
 * @param unit       the calibration's length unit ("px" when uncalibrated)
 */
public record LineProfile(double[] values, double length, double calibrated, String unit) {

    /** The profile from ({@code x0}, {@code y0}) to ({@code x1}, {@code y1}), in pixel coordinates (centres). */
    public static LineProfile of(PixelImage image, double x0, double y0, double x1, double y1) {
        double length = Math.hypot(x1 - x0, y1 - y0);
        int n = (int) Math.round(length) + 1;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            double t = n == 1 ? 0 : i / (double) (n - 1);
            values[i] = sample(image, x0 + t * (x1 - x0), y0 + t * (y1 - y0));
        }
        Calibration c = image.metadata().calibration();
        double calibrated = Math.hypot((x1 - x0) * c.pixelWidth(), (y1 - y0) * c.pixelHeight());
        return new LineProfile(values, length, calibrated, c.unit());
    }

    private static double sample(PixelImage image, double x, double y) {
        double cx = Math.max(0, Math.min(image.width() - 1, x));
        double cy = Math.max(0, Math.min(image.height() - 1, y));
        int ix = (int) Math.min(image.width() - 2, Math.floor(cx));
        int iy = (int) Math.min(image.height() - 2, Math.floor(cy));
        ix = Math.max(0, ix);
        iy = Math.max(0, iy);
        double fx = image.width() == 1 ? 0 : cx - ix;
        double fy = image.height() == 1 ? 0 : cy - iy;
        int ix1 = Math.min(image.width() - 1, ix + 1);
        int iy1 = Math.min(image.height() - 1, iy + 1);
        double sum = 0;
        for (int b = 0; b < image.bands(); b++) {
            double top = image.getFloat(ix, iy, b) * (1 - fx) + image.getFloat(ix1, iy, b) * fx;
            double bottom = image.getFloat(ix, iy1, b) * (1 - fx) + image.getFloat(ix1, iy1, b) * fx;
            sum += top * (1 - fy) + bottom * fy;
        }
        return sum / image.bands();
    }
}
