package org.loupe.numerics.filter;

import java.util.Arrays;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.volume.Volume;
import org.loupe.numerics.RowStrips;

/**
 * The exact median of a volume over a box of {@code size x size} voxels in plane and {@code depth} slices, borders
 * replicated: the 3-D form of {@link MedianFilter}, for CT noise that a slice-by-slice median leaves as streaks
 * between slices.
 */
public final class VolumeMedian {

    private VolumeMedian() {
    }

    /**
     * A new volume, the input untouched.
     *
     * @param size  in-plane window side, odd
     * @param depth window depth in slices, odd
     * @throws LoupeException CANCELLED if the context was cancelled
     */
    public static Volume apply(Volume in, int size, int depth, ProcessingContext ctx) throws LoupeException {
        if (size < 1 || size % 2 == 0 || depth < 1 || depth % 2 == 0) {
            throw new IllegalArgumentException("median window sides must be odd and positive: " + size + "x" + size
                    + "x" + depth);
        }
        int w = in.width();
        int h = in.height();
        int d = in.depth();
        int r = size / 2;
        int rz = depth / 2;
        float[] src = in.data();
        float[] dst = new float[src.length];
        int window = size * size * depth;
        // one "row" of the strip runner is one image row of one slice
        RowStrips.run(h * d, ctx, "median " + size + "x" + size + "x" + depth, (row0, row1) -> {
            float[] values = new float[window];
            for (int row = row0; row < row1; row++) {
                int k = row / h;
                int j = row % h;
                for (int i = 0; i < w; i++) {
                    int n = 0;
                    for (int dk = -rz; dk <= rz; dk++) {
                        int kk = Math.min(d - 1, Math.max(0, k + dk));
                        for (int dj = -r; dj <= r; dj++) {
                            int base = (kk * h + Math.min(h - 1, Math.max(0, j + dj))) * w;
                            for (int di = -r; di <= r; di++) {
                                values[n++] = src[base + Math.min(w - 1, Math.max(0, i + di))];
                            }
                        }
                    }
                    Arrays.sort(values, 0, n);
                    dst[(k * h + j) * w + i] = values[n / 2];
                }
            }
        });
        return Volume.wrap(dst, w, h, d, in.geometry(), in.metadata());
    }
}
