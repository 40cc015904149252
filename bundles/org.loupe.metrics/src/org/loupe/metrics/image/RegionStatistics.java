package org.loupe.metrics.image;

import java.util.Locale;
import org.loupe.image.Calibration;
import org.loupe.image.PixelImage;

/**
 * The statistics of a rectangle of an image, as an analyst reads them off a region of interest: mean, standard
 * deviation (of the region's pixels, n - 1), minimum, maximum, over every band, and the area in pixels and in the
 * image's calibrated units.
 *
 * @param pixels   how many pixels the region holds
 * @param area     its area in {@code unit}²
 * @param unit     the calibration's length unit ("px" when uncalibrated)
 */
public record RegionStatistics(long pixels, double mean, double std, double min, double max, double area,
        String unit) {

    /**
     * The statistics of the pixels {@code x0 <= x < x1}, {@code y0 <= y < y1}, clipped to the image.
     *
     * @throws IllegalArgumentException if the clipped region is empty
     */
    public static RegionStatistics of(PixelImage image, int x0, int y0, int x1, int y1) {
        int ax = Math.max(0, Math.min(x0, x1));
        int ay = Math.max(0, Math.min(y0, y1));
        int bx = Math.min(image.width(), Math.max(x0, x1));
        int by = Math.min(image.height(), Math.max(y0, y1));
        if (bx <= ax || by <= ay) {
            throw new IllegalArgumentException("the region " + x0 + "," + y0 + " - " + x1 + "," + y1
                    + " holds no pixel of the " + image.width() + "x" + image.height() + " image");
        }
        // Welford's running mean and variance: no loss of precision over a large 16-bit region
        long n = 0;
        double mean = 0;
        double m2 = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < image.bands(); b++) {
            for (int y = ay; y < by; y++) {
                for (int x = ax; x < bx; x++) {
                    double v = image.getFloat(x, y, b);
                    n++;
                    double d = v - mean;
                    mean += d / n;
                    m2 += d * (v - mean);
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        long pixels = (long) (bx - ax) * (by - ay);
        Calibration c = image.metadata().calibration();
        return new RegionStatistics(pixels, mean, n > 1 ? Math.sqrt(m2 / (n - 1)) : 0, min, max,
                pixels * c.pixelWidth() * c.pixelHeight(), c.unit());
    }

    /** "mean 123.4  sd 5.6  min 100  max 140  area 9600 px (61.4 mm²)". */
    public String describe() {
        String a = unit.equals("px") ? "" : String.format(Locale.ROOT, " (%.4g %s²)", area, unit);
        return String.format(Locale.ROOT, "mean %.4g  sd %.4g  min %s  max %s  area %d px%s", mean, std, value(min),
                value(max), pixels, a);
    }

    private static String value(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.6g", v);
    }
}
