package org.loupe.numerics.filter;

import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.numerics.RowStrips;
import org.loupe.image.GrayF32;
import org.loupe.image.PixelImage;
import org.loupe.numerics.Bands;
import org.loupe.numerics.Rows;
import org.loupe.numerics.Simd;

/**
 * Convolution with the same symmetric 1-D kernel along rows, then columns; pixels outside the image take the nearest
 * edge value. Accumulates in float (1e-7 relative error, far below any 8- or 16-bit step); integer outputs are rounded
 * half up and saturated. The shared core of
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
            PixelImage dst = band.blank(w, h);
            if (Simd.enabled()) {
                float[] k = toFloat(kernel);
                boolean symmetric = isSymmetric(k);
                RowStrips.run(h, ctx, name, (y0, y1) -> VectorSeparable.rows(band, dst, k, symmetric, y0, y1));
                return dst;
            }
            GrayF32 tmp = GrayF32.create(w, h);
            RowStrips.run(h, ctx, name + " rows", (y0, y1) -> horizontal(band, tmp, kernel, y0, y1));
            RowStrips.run(h, ctx, name + " columns", (y0, y1) -> vertical(tmp, dst, kernel, y0, y1));
            return dst;
        });
    }

    // Both passes are written as whole-row multiply-adds (for each tap: row += k * shifted row) rather than a sum per
    // pixel, so that the JIT vectorises them; symmetric kernels fold the two taps at equal distance into one multiply.

    private static void horizontal(PixelImage src, GrayF32 dst, double[] kernel, int y0, int y1) {
        float[] k = toFloat(kernel);
        int r = k.length / 2;
        int w = src.width();
        boolean symmetric = isSymmetric(k);
        float[] padded = new float[w + 2 * r];
        float[] acc = new float[w];
        for (int y = y0; y < y1; y++) {
            Rows.readPadded(src, y, padded, r);
            float centre = k[r];
            for (int x = 0; x < w; x++) {
                acc[x] = centre * padded[x + r];
            }
            for (int t = 0; t < r; t++) {
                float kt = k[t];
                int mirror = 2 * r - t;
                if (symmetric) {
                    for (int x = 0; x < w; x++) {
                        acc[x] += kt * (padded[x + t] + padded[x + mirror]);
                    }
                } else {
                    float km = k[mirror];
                    for (int x = 0; x < w; x++) {
                        acc[x] += kt * padded[x + t] + km * padded[x + mirror];
                    }
                }
            }
            System.arraycopy(acc, 0, dst.data(), y * w, w);
        }
    }

    private static void vertical(GrayF32 src, PixelImage dst, double[] kernel, int y0, int y1) {
        float[] k = toFloat(kernel);
        boolean symmetric = isSymmetric(k);
        int r = k.length / 2;
        int w = src.width();
        int h = src.height();
        float[] d = src.data();
        float[] acc = new float[w];
        for (int y = y0; y < y1; y++) {
            int centre = y * w;
            float kc = k[r];
            for (int x = 0; x < w; x++) {
                acc[x] = kc * d[centre + x];
            }
            for (int t = 0; t < r; t++) {
                int above = Border.clamp(y + t - r, h) * w;
                int below = Border.clamp(y + r - t, h) * w;
                float ka = k[t];
                float kb = k[2 * r - t];
                if (symmetric) {
                    for (int x = 0; x < w; x++) {
                        acc[x] += ka * (d[above + x] + d[below + x]);
                    }
                } else {
                    for (int x = 0; x < w; x++) {
                        acc[x] += ka * d[above + x] + kb * d[below + x];
                    }
                }
            }
            Rows.write(dst, y, acc, 0);
        }
    }

    private static float[] toFloat(double[] k) {
        float[] f = new float[k.length];
        for (int i = 0; i < k.length; i++) {
            f[i] = (float) k[i];
        }
        return f;
    }

    private static boolean isSymmetric(float[] k) {
        for (int i = 0; i < k.length / 2; i++) {
            if (k[i] != k[k.length - 1 - i]) {
                return false;
            }
        }
        return true;
    }
}
