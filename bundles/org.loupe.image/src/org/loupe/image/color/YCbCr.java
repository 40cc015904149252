package org.loupe.image.color;

import org.loupe.image.GrayF32;
import org.loupe.image.GrayU8;
import org.loupe.image.PixelType;
import org.loupe.image.PlanarF32;
import org.loupe.image.RgbU8;

/**
 * ITU-R BT.601 YCbCr as MATLAB's {@code rgb2ycbcr} and {@code ycbcr2rgb} compute it for 8-bit images: Y in 16..235,
 * Cb and Cr in 16..240. Super-resolution papers score PSNR and SSIM on this Y, so the arithmetic follows MATLAB's
 * order of operations (coefficients divided by 255 first, then a linear combination plus offset, in double) to give
 * the same rounding.
 */
public final class YCbCr {

    private static final double[][] FORWARD = {
        {65.481, 128.553, 24.966},
        {-37.797, -74.203, 112.0},
        {112.0, -93.786, -18.214}};
    private static final double[] OFFSET = {16, 128, 128};
    private static final double[][] FORWARD_8BIT = scaled(FORWARD, 1.0 / 255);
    private static final double[][] INVERSE_8BIT = scaled(invert(FORWARD), 255);
    private static final double[] INVERSE_OFFSET = times(INVERSE_8BIT, OFFSET);

    private YCbCr() {
    }

    /** Y, Cb and Cr as three unrounded float bands on the 8-bit scale. */
    public static PlanarF32 fromRgb(RgbU8 rgb) {
        PlanarF32 out = PlanarF32.create(rgb.width(), rgb.height(), 3).withMetadata(rgb.metadata());
        for (int y = 0; y < rgb.height(); y++) {
            for (int x = 0; x < rgb.width(); x++) {
                for (int p = 0; p < 3; p++) {
                    out.set(x, y, p, (float) forward(p, rgb.get(x, y, 0), rgb.get(x, y, 1), rgb.get(x, y, 2)));
                }
            }
        }
        return out;
    }

    /** The unrounded luma Y, 16..235. */
    public static GrayF32 luma(RgbU8 rgb) {
        GrayF32 out = GrayF32.create(rgb.width(), rgb.height()).withMetadata(rgb.metadata());
        for (int y = 0; y < rgb.height(); y++) {
            for (int x = 0; x < rgb.width(); x++) {
                out.set(x, y, (float) forward(0, rgb.get(x, y, 0), rgb.get(x, y, 1), rgb.get(x, y, 2)));
            }
        }
        return out;
    }

    /** The luma rounded to 8 bits, exactly MATLAB's {@code rgb2ycbcr(uint8 image)(:,:,1)}. */
    public static GrayU8 lumaU8(RgbU8 rgb) {
        GrayU8 out = GrayU8.create(rgb.width(), rgb.height()).withMetadata(rgb.metadata());
        for (int y = 0; y < rgb.height(); y++) {
            for (int x = 0; x < rgb.width(); x++) {
                out.set(x, y, PixelType.UINT8.saturate(forward(0, rgb.get(x, y, 0), rgb.get(x, y, 1), rgb.get(x, y, 2))));
            }
        }
        return out;
    }

    /**
     * Back to 8-bit RGB, rounded and saturated, as MATLAB's {@code ycbcr2rgb} on an 8-bit YCbCr image.
     *
     * @param ycc three bands Y, Cb, Cr on the 8-bit scale
     */
    public static RgbU8 toRgb(PlanarF32 ycc) {
        if (ycc.bands() != 3) {
            throw new IllegalArgumentException("YCbCr needs three bands, got " + ycc.bands());
        }
        RgbU8 out = RgbU8.create(ycc.width(), ycc.height()).withMetadata(ycc.metadata());
        for (int y = 0; y < ycc.height(); y++) {
            for (int x = 0; x < ycc.width(); x++) {
                double l = ycc.get(x, y, 0);
                double cb = ycc.get(x, y, 1);
                double cr = ycc.get(x, y, 2);
                for (int p = 0; p < 3; p++) {
                    double[] t = INVERSE_8BIT[p];
                    out.set(x, y, p, PixelType.UINT8.saturate(t[0] * l + t[1] * cb + t[2] * cr - INVERSE_OFFSET[p]));
                }
            }
        }
        return out;
    }

    private static double forward(int p, int r, int g, int b) {
        double[] t = FORWARD_8BIT[p];
        return t[0] * r + t[1] * g + t[2] * b + OFFSET[p];
    }

    private static double[][] scaled(double[][] m, double s) {
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[i][j] = m[i][j] * s;
            }
        }
        return out;
    }

    private static double[] times(double[][] m, double[] v) {
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = m[i][0] * v[0] + m[i][1] * v[1] + m[i][2] * v[2];
        }
        return out;
    }

    private static double[][] invert(double[][] m) {
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        double[][] inv = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                // cofactor of m[j][i], so the result is the transposed cofactor matrix over the determinant
                int r0 = (j + 1) % 3;
                int r1 = (j + 2) % 3;
                int c0 = (i + 1) % 3;
                int c1 = (i + 2) % 3;
                inv[i][j] = (m[r0][c0] * m[r1][c1] - m[r0][c1] * m[r1][c0]) / det;
            }
        }
        return inv;
    }
}
