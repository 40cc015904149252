package org.loupe.numerics.filter;

import java.util.Arrays;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.api.RowStrips;
import org.loupe.image.GrayF32;
import org.loupe.image.PixelImage;
import org.loupe.numerics.Bands;
import org.loupe.numerics.Rows;

/**
 * Convolution with the same symmetric 1-D kernel along rows, then columns; pixels outside the image take the nearest
 * edge value. Accumulates in double; integer outputs are rounded half up and saturated. The shared core of
 * {@link GaussianFilter} and {@link BoxFilter}.
 */
public final class SeparableFilter {

    private SeparableFilter() {
    }

    /**
     * The filtered image, of the input's type (colour band by band).
     *
     * @param kernel odd number of taps, centred
     * @throws LoupeException CANCELLED if the context is cancelled
     */
    public static PixelImage apply(PixelImage src, double[] kernel, String name, ProcessingContext ctx)
            throws LoupeException {
        if (kernel.length % 2 == 0) {
            throw new IllegalArgumentException("a centred kernel needs an odd number of taps: " + kernel.length);
        }
        return Bands.perBand(src, band -> {
            int w = band.width();
            int h = band.height();
            GrayF32 tmp = GrayF32.create(w, h);
            RowStrips.run(h, ctx, name + " rows", (y0, y1) -> horizontal(band, tmp, kernel, y0, y1));
            PixelImage dst = band.blank(w, h);
            RowStrips.run(h, ctx, name + " columns", (y0, y1) -> vertical(tmp, dst, kernel, y0, y1));
            return dst;
        });
    }

    private static void horizontal(PixelImage src, GrayF32 dst, double[] k, int y0, int y1) {
        int r = k.length / 2;
        int w = src.width();
        double[] padded = new double[w + 2 * r];
        for (int y = y0; y < y1; y++) {
            Rows.readPadded(src, y, padded, r);
            int out = y * w;
            for (int x = 0; x < w; x++) {
                double acc = 0;
                for (int t = 0; t < k.length; t++) {
                    acc += k[t] * padded[x + t];
                }
                dst.data()[out + x] = (float) acc;
            }
        }
    }

    private static void vertical(GrayF32 src, PixelImage dst, double[] k, int y0, int y1) {
        int r = k.length / 2;
        int w = src.width();
        int h = src.height();
        double[] acc = new double[w];
        for (int y = y0; y < y1; y++) {
            Arrays.fill(acc, 0);
            for (int t = 0; t < k.length; t++) {
                int row = Border.clamp(y + t - r, h) * w;
                double kt = k[t];
                for (int x = 0; x < w; x++) {
                    acc[x] += kt * src.data()[row + x];
                }
            }
            Rows.write(dst, y, acc, 0);
        }
    }
}
