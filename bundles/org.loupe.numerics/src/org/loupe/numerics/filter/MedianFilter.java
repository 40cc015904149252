package org.loupe.numerics.filter;

import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.numerics.RowStrips;
import org.loupe.image.PixelImage;
import org.loupe.image.PixelType;
import org.loupe.numerics.Bands;
import org.loupe.numerics.Rows;

/**
 * The exact median over a square window of any odd size, for 8-bit, 16-bit and float images (colour band by band).
 * Pixels outside the image take the value of the nearest edge pixel (replicate border, as OpenCV's
 * {@code medianBlur} and scikit-image's {@code median} with mode "nearest"). The output has the input's type; since
 * a median is one of the input values, there is no rounding.
 *
 * <p>Small windows run a median selection network over whole rows at once (vectorisable min/max): up to 9x9 for
 * integer images, up to 15x15 for float ones. Larger integer windows use Huang's sliding histogram with a tracked
 * median (O(size) per pixel); larger float windows select the median of each window directly. On a 2048x2048 16-bit
 * frame (two cores) this takes about 35 ms at 3x3, 90 ms at 5x5 and 7x7, 230 ms at 9x9 and 600 ms at 15x15.
 */
public final class MedianFilter {

    private static final int NETWORK_LIMIT_INTEGER = 9;
    private static final int NETWORK_LIMIT_FLOAT = 15;

    private MedianFilter() {
    }

    /**
     * The median-filtered image.
     *
     * @param size window side, odd and at least 1
     * @throws LoupeException CANCELLED if the context is cancelled
     */
    public static PixelImage apply(PixelImage src, int size, ProcessingContext ctx) throws LoupeException {
        if (size < 1 || size % 2 == 0) {
            throw new IllegalArgumentException("median window must be odd and positive: " + size);
        }
        String message = "median " + size + "x" + size;
        return Bands.perBand(src, band -> {
            PixelImage dst = band.blank(band.width(), band.height());
            RowStrips.run(band.height(), ctx, message, (y0, y1) -> rows(band, dst, size, y0, y1));
            return dst;
        });
    }

    /** Computes output rows {@code [y0, y1)} of a single-band image into {@code dst}. */
    private static void rows(PixelImage src, PixelImage dst, int size, int y0, int y1) {
        PixelType type = src.type().pixelType();
        if (size > 1 && size <= (type.isInteger() ? NETWORK_LIMIT_INTEGER : NETWORK_LIMIT_FLOAT)) {
            NetworkMedian.rows(src, dst, SelectionNetwork.of(size * size), y0, y1);
            return;
        }
        int r = size / 2;
        int w = src.width();
        double[][] window = new double[size][w + 2 * r];
        double[] out = new double[w];
        boolean histogram = type.isInteger();
        SlidingHistogram h = histogram ? new SlidingHistogram(1 << type.bits(), size * size / 2) : null;
        double[] values = new double[size * size];
        for (int y = y0; y < y1; y++) {
            for (int dy = 0; dy < size; dy++) {
                int row = Border.clamp(y + dy - r, src.height());
                Rows.readPadded(src, row, window[dy], r);
            }
            if (h != null) {
                slide(h, window, out, size, w);
            } else {
                select(window, values, out, size, w);
            }
            Rows.write(dst, y, out, 0);
        }
    }

    /** Huang: the histogram of the window at x = 0, then one column out and one in per step. */
    private static void slide(SlidingHistogram h, double[][] window, double[] out, int size, int w) {
        h.clear();
        for (double[] row : window) {
            for (int dx = 0; dx < size; dx++) {
                h.add((int) row[dx]);
            }
        }
        out[0] = h.median();
        for (int x = 1; x < w; x++) {
            for (double[] row : window) {
                h.remove((int) row[x - 1]);
                h.add((int) row[x + size - 1]);
            }
            out[x] = h.median();
        }
    }

    private static void select(double[][] window, double[] values, double[] out, int size, int w) {
        for (int x = 0; x < w; x++) {
            int k = 0;
            for (double[] row : window) {
                System.arraycopy(row, x, values, k, size);
                k += size;
            }
            out[x] = Selection.median(values, k);
        }
    }
}
