package org.loupe.segment.unet.internal;

import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.GrayF32;
import org.loupe.image.PixelImage;
import org.loupe.numerics.resample.Interpolation;
import org.loupe.numerics.resample.Resize;

/**
 * The fixed grid the U-Net sees an axial slice on, and the way back. A slice of any size is padded to a square (so
 * that its aspect is kept), then shrunk to {@link #SIDE} x {@link #SIDE} with antialiased bilinear resizing; the
 * network's map comes back to the square by bilinear enlargement and is cropped to the slice.
 */
final class SliceGrid {

    /** Grid cells along each side. */
    static final int SIDE = 128;
    /** What padding adds to a CT: air. */
    static final float AIR_HU = -1000;

    private final int width;
    private final int height;
    private final int square;
    private final int left;
    private final int top;

    /** The grid of slices {@code width} x {@code height}. */
    SliceGrid(int width, int height) {
        this.width = width;
        this.height = height;
        this.square = Math.max(width, height);
        this.left = (square - width) / 2;
        this.top = (square - height) / 2;
    }

    /** The slice on the grid, {@code SIDE * SIDE} values row by row, padded with air. */
    float[] down(GrayF32 slice) {
        return down(slice, AIR_HU);
    }

    /** The slice on the grid, padded with {@code pad} (0 for a mask, whose grid values are then liver shares). */
    float[] down(GrayF32 slice, float pad) {
        float[] sq = new float[square * square];
        java.util.Arrays.fill(sq, pad);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                sq[(y + top) * square + x + left] = slice.get(x, y);
            }
        }
        return values(resize(GrayF32.wrap(sq, square, square), SIDE, true));
    }

    /** A grid map ({@code SIDE * SIDE} values) on the slice's own pixels, {@code width * height} values. */
    float[] up(float[] map) {
        GrayF32 big = resize(GrayF32.wrap(map, SIDE, SIDE), square, false);
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[y * width + x] = big.get(x + left, y + top);
            }
        }
        return out;
    }

    private static GrayF32 resize(GrayF32 image, int side, boolean antialias) {
        if (image.width() == side) {
            return image;
        }
        try {
            return (GrayF32) Resize.toSize(image, side, side, Interpolation.BILINEAR, antialias,
                    ProcessingContext.none());
        } catch (LoupeException e) {
            throw new IllegalStateException("an uncancellable resize was cancelled", e);
        }
    }

    private static float[] values(PixelImage image) {
        GrayF32 g = (GrayF32) image;
        float[] out = new float[g.width() * g.height()];
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                out[y * g.width() + x] = g.get(x, y);
            }
        }
        return out;
    }
}
