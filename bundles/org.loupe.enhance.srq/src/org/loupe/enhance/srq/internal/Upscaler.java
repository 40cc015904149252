package org.loupe.enhance.srq.internal;

import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.numerics.RowStrips;
import org.loupe.image.GrayF32;
import org.loupe.numerics.resample.Interpolation;
import org.loupe.numerics.resample.Resize;

/**
 * Luma x2: MATLAB-compatible bicubic interpolation plus the network's residual. The network runs on strips of rows
 * with a halo of {@link Architecture#RADIUS} rows on each side, in parallel, so memory stays bounded whatever the
 * image size and the result equals a run on the whole image.
 */
final class Upscaler {

    /** Fewest low-resolution rows per strip (each strip also computes a halo of 2 x RADIUS rows). */
    static final int STRIP = 32;

    private Upscaler() {
    }

    /** The upscaled luma, {@code 2w x 2h}. */
    static GrayF32 upscale(ResidualEngine engine, GrayF32 lr, ProcessingContext ctx) throws LoupeException {
        int w = lr.width();
        int h = lr.height();
        GrayF32 dense = lr.offset() == 0 && lr.stride() == w ? lr : lr.copy();
        // a fresh image: the residual is added into it in place
        GrayF32 out = (GrayF32) Resize.byScale(dense, Architecture.SCALE, Interpolation.BICUBIC, ctx);
        float[] src = dense.data();
        float[] dst = out.data();
        int s = Architecture.SCALE;
        RowStrips.run(h, STRIP, ctx, "super-resolution x2", (y0, y1) -> {
            int a0 = Math.max(0, y0 - Architecture.RADIUS);
            int a1 = Math.min(h, y1 + Architecture.RADIUS);
            float[] block = new float[(a1 - a0) * w];
            System.arraycopy(src, a0 * w, block, 0, block.length);
            double[] residual = engine.run(block, w, a1 - a0);
            for (int y = y0; y < y1; y++) {
                for (int x = 0; x < w; x++) {
                    int r = ((y - a0) * w + x) * s * s;
                    for (int i = 0; i < s; i++) {
                        int row = (y * s + i) * w * s + x * s;
                        for (int j = 0; j < s; j++) {
                            dst[row + j] += (float) residual[r + i * s + j];
                        }
                    }
                }
            }
        });
        return out;
    }
}
