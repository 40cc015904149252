package org.loupe.metrics.image;

import java.util.Locale;
import org.loupe.image.Calibration;
import org.loupe.image.PixelImage;

/**
 * The statistics of a rectangle or a polygon of an image, as an analyst reads them off a region of interest: mean,
 * standard deviation (of the region's values, n - 1), minimum, maximum, over every band, and the area in pixels and
 * in the image's calibrated units.
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
        Welford w = new Welford();
        for (int b = 0; b < image.bands(); b++) {
            for (int y = ay; y < by; y++) {
                for (int x = ax; x < bx; x++) {
                    w.add(image.getFloat(x, y, b));
                }
            }
        }
        w.pixels = (long) (bx - ax) * (by - ay);
        return w.result(image.metadata().calibration());
    }

    /**
     * The statistics of the pixels whose centres lie inside a polygon (even-odd rule), given as x0, y0, x1, y1, ... in
     * pixel coordinates where pixel (i, j) has its centre at (i, j).
     *
     * @throws IllegalArgumentException for fewer than three corners, or a polygon holding no pixel centre
     */
    public static RegionStatistics inPolygon(PixelImage image, double[] corners) {
        int n = corners.length / 2;
        if (n < 3 || corners.length % 2 != 0) {
            throw new IllegalArgumentException("a polygon needs three corners or more, got " + corners.length / 2.0);
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, corners[2 * i]);
            maxX = Math.max(maxX, corners[2 * i]);
            minY = Math.min(minY, corners[2 * i + 1]);
            maxY = Math.max(maxY, corners[2 * i + 1]);
        }
        Welford w = new Welford();
        for (int y = Math.max(0, (int) Math.ceil(minY)); y <= Math.min(image.height() - 1, (int) Math.floor(maxY));
                y++) {
            for (int x = Math.max(0, (int) Math.ceil(minX)); x <= Math.min(image.width() - 1, (int) Math.floor(maxX));
                    x++) {
                if (inside(corners, x, y)) {
                    w.pixels++;
                    for (int b = 0; b < image.bands(); b++) {
                        w.add(image.getFloat(x, y, b));
                    }
                }
            }
        }
        if (w.pixels == 0) {
            throw new IllegalArgumentException("the polygon holds no pixel centre of the " + image.width() + "x"
                    + image.height() + " image");
        }
        return w.result(image.metadata().calibration());
    }

    private static boolean inside(double[] c, double x, double y) {
        boolean in = false;
        int n = c.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = c[2 * i];
            double yi = c[2 * i + 1];
            double xj = c[2 * j];
            double yj = c[2 * j + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                in = !in;
            }
        }
        return in;
    }

    /** Welford's running mean and variance over the values of a region. */
    private static final class Welford {
        long pixels;
        long n;
        double mean;
        double m2;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        void add(double v) {
            n++;
            double d = v - mean;
            mean += d / n;
            m2 += d * (v - mean);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }

        RegionStatistics result(Calibration c) {
            return new RegionStatistics(pixels, mean, n > 1 ? Math.sqrt(m2 / (n - 1)) : 0, min, max,
                    pixels * c.pixelWidth() * c.pixelHeight(), c.unit());
        }
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
