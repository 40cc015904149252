package org.loupe.numerics.resample;

import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.numerics.RowStrips;
import org.loupe.image.PixelImage;
import org.loupe.image.PixelType;
import org.loupe.numerics.Bands;
import org.loupe.numerics.Rows;
import org.loupe.numerics.Simd;

/**
 * Image resizing compatible with MATLAB's {@code imresize}: same kernels (bicubic a = -0.5), same coordinate mapping,
 * antialiasing when shrinking (except nearest), symmetric borders, the axis with the smaller scale resized first, and
 * arithmetic in double. As in MATLAB, integer images are rounded back to their type after each axis; float images
 * stay in floating point throughout. Super-resolution benchmarks make their low-resolution inputs this way, so
 * published bicubic baselines are reproduced exactly.
 */
public final class Resize {

    private Resize() {
    }

    /** MATLAB's output length for a scale factor: {@code ceil(scale * length)}. */
    public static int outputLength(int length, double scale) {
        return (int) Math.ceil(scale * length);
    }

    /**
     * Resizes by a scale factor, as {@code imresize(A, scale, method)} with MATLAB's default antialiasing.
     *
     * @throws LoupeException CANCELLED if the context is cancelled
     */
    public static PixelImage byScale(PixelImage src, double scale, Interpolation method, ProcessingContext ctx)
            throws LoupeException {
        return byScale(src, scale, method, method != Interpolation.NEAREST, ctx);
    }

    /** Resizes by a scale factor with antialiasing chosen explicitly. */
    public static PixelImage byScale(PixelImage src, double scale, Interpolation method, boolean antialias,
            ProcessingContext ctx) throws LoupeException {
        checkScale(scale);
        return resize(src, outputLength(src.width(), scale), outputLength(src.height(), scale), scale, scale, method,
                antialias, ctx);
    }

    /** Resizes to a size, as {@code imresize(A, [rows cols], method)}; each axis scales by output over input length. */
    public static PixelImage toSize(PixelImage src, int width, int height, Interpolation method, boolean antialias,
            ProcessingContext ctx) throws LoupeException {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("output size must be positive: " + width + "x" + height);
        }
        return resize(src, width, height, width / (double) src.width(), height / (double) src.height(), method,
                antialias, ctx);
    }

    private static void checkScale(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
    }

    private static PixelImage resize(PixelImage src, int outW, int outH, double scaleX, double scaleY,
            Interpolation method, boolean antialias, ProcessingContext ctx) throws LoupeException {
        Contributions cx = Contributions.of(src.width(), outW, scaleX, method, antialias);
        Contributions cy = Contributions.of(src.height(), outH, scaleY, method, antialias);
        boolean verticalFirst = scaleY <= scaleX;
        if (Simd.enabled()) {
            return Bands.perBand(src, band -> VectorResize.apply(band, outW, outH, cx, cy, verticalFirst, ctx));
        }
        return Bands.perBand(src, band -> {
            int w = band.width();
            int h = band.height();
            double[] in = new double[w * h];
            for (int y = 0; y < h; y++) {
                Rows.read(band, y, in, y * w);
            }
            PixelType type = band.type().pixelType();
            double[] out;
            if (verticalFirst) {
                double[] mid = new double[w * outH];
                RowStrips.run(outH, ctx, "resize columns", (y0, y1) -> vertical(in, w, cy, mid, y0, y1, type));
                out = new double[outW * outH];
                RowStrips.run(outH, ctx, "resize rows", (y0, y1) -> horizontal(mid, w, cx, out, outW, y0, y1, type));
            } else {
                double[] mid = new double[outW * h];
                RowStrips.run(h, ctx, "resize rows", (y0, y1) -> horizontal(in, w, cx, mid, outW, y0, y1, type));
                out = new double[outW * outH];
                RowStrips.run(outH, ctx, "resize columns", (y0, y1) -> vertical(mid, outW, cy, out, y0, y1, type));
            }
            PixelImage dst = band.blank(outW, outH);
            for (int y = 0; y < outH; y++) {
                Rows.write(dst, y, out, y * outW);
            }
            return dst;
        });
    }

    private static void vertical(double[] in, int w, Contributions c, double[] out, int y0, int y1, PixelType type) {
        for (int y = y0; y < y1; y++) {
            int o = y * w;
            for (int j = 0; j < c.taps; j++) {
                double wt = c.weights[y * c.taps + j];
                if (wt == 0) {
                    continue;
                }
                int r = c.indices[y * c.taps + j] * w;
                for (int x = 0; x < w; x++) {
                    out[o + x] += wt * in[r + x];
                }
            }
            roundIfInteger(out, o, w, type);
        }
    }

    private static void horizontal(double[] in, int inW, Contributions c, double[] out, int outW, int y0, int y1,
            PixelType type) {
        for (int y = y0; y < y1; y++) {
            int r = y * inW;
            int o = y * outW;
            for (int x = 0; x < outW; x++) {
                double acc = 0;
                for (int j = 0; j < c.taps; j++) {
                    acc += c.weights[x * c.taps + j] * in[r + c.indices[x * c.taps + j]];
                }
                out[o + x] = acc;
            }
            roundIfInteger(out, o, outW, type);
        }
    }

    /** MATLAB keeps the input's class between the two passes, so integer images are rounded after each. */
    private static void roundIfInteger(double[] row, int from, int length, PixelType type) {
        if (type.isInteger()) {
            for (int i = from; i < from + length; i++) {
                row[i] = type.saturate(row[i]);
            }
        }
    }
}
