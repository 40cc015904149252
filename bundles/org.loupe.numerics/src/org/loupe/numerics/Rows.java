package org.loupe.numerics;

import org.loupe.image.GrayF32;
import org.loupe.image.GrayU16;
import org.loupe.image.GrayU8;
import org.loupe.image.PixelImage;
import org.loupe.image.PixelType;

/**
 * Moves one row of a single-band image to and from a float or double buffer, so that row-wise algorithms work on any
 * storage type with one implementation (both hold every 8-bit, 16-bit and float sample exactly). Writing to integer
 * images rounds half up and saturates.
 */
public final class Rows {

    private Rows() {
    }

    /** Copies row {@code y} into {@code dst[at .. at + width)}. */
    public static void read(PixelImage band, int y, double[] dst, int at) {
        int w = band.width();
        int s = band.offset() + y * band.stride();
        if (band instanceof GrayU8 g) {
            for (int x = 0; x < w; x++) {
                dst[at + x] = g.data()[s + x] & 0xFF;
            }
        } else if (band instanceof GrayU16 g) {
            for (int x = 0; x < w; x++) {
                dst[at + x] = g.data()[s + x] & 0xFFFF;
            }
        } else if (band instanceof GrayF32 g) {
            for (int x = 0; x < w; x++) {
                dst[at + x] = g.data()[s + x];
            }
        } else {
            throw new IllegalArgumentException("not a single-band image: " + band.type());
        }
    }

    /** Copies row {@code y} into {@code dst[at .. at + width)}. */
    public static void read(PixelImage band, int y, float[] dst, int at) {
        int w = band.width();
        int s = band.offset() + y * band.stride();
        if (band instanceof GrayU8 g) {
            for (int x = 0; x < w; x++) {
                dst[at + x] = g.data()[s + x] & 0xFF;
            }
        } else if (band instanceof GrayU16 g) {
            for (int x = 0; x < w; x++) {
                dst[at + x] = g.data()[s + x] & 0xFFFF;
            }
        } else if (band instanceof GrayF32 g) {
            System.arraycopy(g.data(), s, dst, at, w);
        } else {
            throw new IllegalArgumentException("not a single-band image: " + band.type());
        }
    }

    /** Float version of {@link #readPadded(PixelImage, int, double[], int)}. */
    public static void readPadded(PixelImage band, int y, float[] dst, int pad) {
        read(band, y, dst, pad);
        int w = band.width();
        for (int i = 0; i < pad; i++) {
            dst[i] = dst[pad];
            dst[pad + w + i] = dst[pad + w - 1];
        }
    }

    /** Stores {@code src[at .. at + width)} as row {@code y}. */
    public static void write(PixelImage band, int y, float[] src, int at) {
        int w = band.width();
        int d = band.offset() + y * band.stride();
        if (band instanceof GrayU8 g) {
            for (int x = 0; x < w; x++) {
                g.data()[d + x] = (byte) PixelType.UINT8.saturate(src[at + x]);
            }
        } else if (band instanceof GrayU16 g) {
            for (int x = 0; x < w; x++) {
                g.data()[d + x] = (short) PixelType.UINT16.saturate(src[at + x]);
            }
        } else if (band instanceof GrayF32 g) {
            System.arraycopy(src, at, g.data(), d, w);
        } else {
            throw new IllegalArgumentException("not a single-band image: " + band.type());
        }
    }

    /**
     * Copies row {@code y} into {@code dst[pad .. pad + width)} and repeats the edge samples {@code pad} times on each
     * side (replicate border), so that a window of radius {@code pad} can slide over the row without bounds checks.
     */
    public static void readPadded(PixelImage band, int y, double[] dst, int pad) {
        read(band, y, dst, pad);
        int w = band.width();
        for (int i = 0; i < pad; i++) {
            dst[i] = dst[pad];
            dst[pad + w + i] = dst[pad + w - 1];
        }
    }

    /** Stores {@code src[at .. at + width)} as row {@code y}. */
    public static void write(PixelImage band, int y, double[] src, int at) {
        int w = band.width();
        int d = band.offset() + y * band.stride();
        if (band instanceof GrayU8 g) {
            for (int x = 0; x < w; x++) {
                g.data()[d + x] = (byte) PixelType.UINT8.saturate(src[at + x]);
            }
        } else if (band instanceof GrayU16 g) {
            for (int x = 0; x < w; x++) {
                g.data()[d + x] = (short) PixelType.UINT16.saturate(src[at + x]);
            }
        } else if (band instanceof GrayF32 g) {
            for (int x = 0; x < w; x++) {
                g.data()[d + x] = (float) src[at + x];
            }
        } else {
            throw new IllegalArgumentException("not a single-band image: " + band.type());
        }
    }
}
