package org.loupe.segment.unet.internal;

import java.util.Arrays;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.volume.Volume;
import org.loupe.numerics.regions.BinaryVolume;
import org.loupe.tensorflow.ImageTensors;
import org.loupe.tensorflow.ModelHandle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * A volume's liver by an exported {@link LiverUNet}: each axial slice on the grid, the logits brought back to the
 * slice's own pixels, liver where the logit is positive (probability over one half), then the largest 3-D region
 * with its holes filled slice by slice, as the EM segmenter finishes, so that the two differ only in how they find
 * the liver.
 */
final class UNetInference {

    private static final int BATCH = 16;

    private UNetInference() {
    }

    /** The liver mask of {@code ct}, voxel by voxel. */
    static boolean[] liver(ModelHandle model, Volume ct, ProcessingContext ctx) throws LoupeException {
        int w = ct.width();
        int h = ct.height();
        int d = ct.depth();
        SliceGrid grid = new SliceGrid(w, h);
        int n = SliceGrid.SIDE * SliceGrid.SIDE;
        boolean[] mask = new boolean[w * h * d];
        for (int from = 0; from < d; from += BATCH) {
            ctx.checkCancelled();
            ctx.progress((double) from / d, "slices " + (from + 1) + "-" + Math.min(d, from + BATCH) + " of " + d);
            int m = Math.min(BATCH, d - from);
            float[] in = new float[m * n];
            for (int i = 0; i < m; i++) {
                System.arraycopy(LiverSlices.input(grid, ct, from + i), 0, in, i * n, n);
            }
            float[] logits;
            try (TFloat32 t = TFloat32.tensorOf(Shape.of(m, SliceGrid.SIDE, SliceGrid.SIDE, 1), DataBuffers.of(in,
                    true, false))) {
                logits = model.run(t, ImageTensors::values);
            }
            if (logits.length != m * n) {
                throw LoupeException.badInput(model.folder().toString(), "puts out " + logits.length / m
                        + " values per slice, not " + n + ": not a segment.liver.unet model");
            }
            for (int i = 0; i < m; i++) {
                float[] up = grid.up(Arrays.copyOfRange(logits, i * n, (i + 1) * n));
                int base = (from + i) * w * h;
                for (int p = 0; p < up.length; p++) {
                    mask[base + p] = up[p] > 0;
                }
            }
        }
        ctx.progress(1, "largest region");
        return BinaryVolume.fillHolesPerSlice(BinaryVolume.largestComponent(mask, w, h, d), w, h, d);
    }
}
