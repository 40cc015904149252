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
 * Gaussian blur as a separable convolution. The kernel is truncated at {@value #TRUNCATE} standard deviations
 * (radius {@code round(4 sigma)}, as SciPy's {@code gaussian_filter}) and normalised to sum 1; pixels outside the
 * image take the nearest edge value (mode "nearest"). Integer outputs are rounded half up and saturated.
 */
public final class GaussianFilter {

    /** Kernel extent in standard deviations. */
    public static final double TRUNCATE = 4.0;

    private GaussianFilter() {
    }

    /** The normalised 1-D kernel, {@code 2 * radius + 1} taps. */
    public static float[] kernel(double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be positive: " + sigma);
        }
        int radius = (int) (TRUNCATE * sigma + 0.5);
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += k[i + radius];
        }
        float[] out = new float[k.length];
        for (int i = 0; i < k.length; i++) {
            out[i] = (float) (k[i] / sum);
        }
        return out;
    }

    /**
     * The blurred image, of the input's type.
     *
     * @throws LoupeException CANCELLED if the context is cancelled
     */
    public static PixelImage apply(PixelImage src, double sigma, ProcessingContext ctx) throws LoupeException {
        float[] k = kernel(sigma);
        return Bands.perBand(src, band -> {
            int w = band.width();
            int h = band.height();
            GrayF32 tmp = GrayF32.create(w, h);
            RowStrips.run(h, ctx, "gaussian rows", (y0, y1) -> horizontal(band, tmp, k, y0, y1));
            PixelImage dst = band.blank(w, h);
            RowStrips.run(h, ctx, "gaussian columns", (y0, y1) -> vertical(tmp, dst, k, y0, y1));
            return dst;
        });
    }

    private static void horizontal(PixelImage src, GrayF32 dst, float[] k, int y0, int y1) {
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

    private static void vertical(GrayF32 src, PixelImage dst, float[] k, int y0, int y1) {
        int r = k.length / 2;
        int w = src.width();
        int h = src.height();
        double[] acc = new double[w];
        for (int y = y0; y < y1; y++) {
            Arrays.fill(acc, 0);
            for (int t = 0; t < k.length; t++) {
                int row = Border.clamp(y + t - r, h) * w;
                float kt = k[t];
                for (int x = 0; x < w; x++) {
                    acc[x] += kt * src.data()[row + x];
                }
            }
            Rows.write(dst, y, acc, 0);
        }
    }
}
