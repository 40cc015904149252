package org.loupe.numerics.resample;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.numerics.RowStrips;
import org.loupe.image.PixelImage;
import org.loupe.image.PixelType;
import org.loupe.numerics.VectorRows;

/**
 * {@link Resize}'s arithmetic, output row by output row: the input rows an output row needs are read (and, when the
 * horizontal pass comes first, resized along x) once into a small cache; the vertical pass combines them with
 * whole-row vector multiply-adds; the horizontal pass is a {@link Polyphase} when the axis allows, else the
 * gather loop. Integer images are rounded after each pass as in MATLAB. Every sum is taken in the plain path's
 * order, so the results are identical to it. No full-size intermediate image is allocated.
 */
final class VectorResize {

    private static final VectorSpecies<Double> D = VectorRows.D;
    private static final int L = VectorRows.DOUBLE_LANES;

    private VectorResize() {
    }

    static PixelImage apply(PixelImage band, int outW, int outH, Contributions cx, Contributions cy,
            boolean verticalFirst, ProcessingContext ctx) throws LoupeException {
        PixelImage dst = band.blank(outW, outH);
        RowStrips.run(outH, ctx, "resize", (y0, y1) -> new Strip(band, dst, cx, cy, verticalFirst).rows(y0, y1));
        return dst;
    }

    /** The scratch rows of one strip of output rows. */
    private static final class Strip {

        private final PixelImage src;
        private final PixelImage dst;
        private final Contributions cx;
        private final Contributions cy;
        private final boolean verticalFirst;
        private final int max;
        private final int prepared;
        private final double[][] cache;
        private final int[] held;
        private final double[] in;
        private final double[] acc;
        private final double[] out;
        private final Polyphase poly;
        private final double[][] taps;
        private final double[] tapWeights;

        Strip(PixelImage src, PixelImage dst, Contributions cx, Contributions cy, boolean verticalFirst) {
            this.src = src;
            this.dst = dst;
            this.cx = cx;
            this.cy = cy;
            this.verticalFirst = verticalFirst;
            PixelType type = src.type().pixelType();
            this.max = type.isInteger() ? (int) type.maxValue() : -1;
            this.prepared = round(verticalFirst ? src.width() : dst.width());
            this.cache = new double[2 * cy.taps + 2][prepared];
            this.held = new int[cache.length];
            Arrays.fill(held, -1);
            this.in = new double[round(src.width())];
            this.acc = new double[prepared];
            this.out = new double[round(dst.width())];
            this.poly = Polyphase.of(cx, src.width(), dst.width());
            this.taps = new double[cy.taps][];
            this.tapWeights = new double[cy.taps];
        }

        private static int round(int n) {
            return (n + L - 1) / L * L;
        }

        void rows(int y0, int y1) {
            for (int y = y0; y < y1; y++) {
                vertical(y);
                roundIfInteger(acc);
                if (verticalFirst) {
                    horizontal(acc, out);
                    VectorRows.writeDoubles(dst, y, out);
                } else {
                    VectorRows.writeDoubles(dst, y, acc);
                }
            }
        }

        /**
         * acc = 0 + w_0 row_0 + w_1 row_1 + ... over the output row's nonzero taps in order (as the plain path,
         * which skips zero weights), four taps per sweep over the row.
         */
        private void vertical(int y) {
            int n = 0;
            for (int j = 0; j < cy.taps; j++) {
                double wt = cy.weights[y * cy.taps + j];
                if (wt != 0) {
                    taps[n] = row(cy.indices[y * cy.taps + j]);
                    tapWeights[n++] = wt;
                }
            }
            Arrays.fill(acc, 0);
            int t = 0;
            for (; t + 4 <= n; t += 4) {
                double[] r0 = taps[t];
                double[] r1 = taps[t + 1];
                double[] r2 = taps[t + 2];
                double[] r3 = taps[t + 3];
                double w0 = tapWeights[t];
                double w1 = tapWeights[t + 1];
                double w2 = tapWeights[t + 2];
                double w3 = tapWeights[t + 3];
                for (int x = 0; x < prepared; x += L) {
                    DoubleVector v = DoubleVector.fromArray(D, acc, x);
                    v = v.add(DoubleVector.fromArray(D, r0, x).mul(w0));
                    v = v.add(DoubleVector.fromArray(D, r1, x).mul(w1));
                    v = v.add(DoubleVector.fromArray(D, r2, x).mul(w2));
                    v = v.add(DoubleVector.fromArray(D, r3, x).mul(w3));
                    v.intoArray(acc, x);
                }
            }
            for (; t < n; t++) {
                double[] r = taps[t];
                double wt = tapWeights[t];
                for (int x = 0; x < prepared; x += L) {
                    DoubleVector.fromArray(D, acc, x).add(DoubleVector.fromArray(D, r, x).mul(wt)).intoArray(acc, x);
                }
            }
        }

        /** Input row i, read and (horizontal pass first) resized along x, from the cache. */
        private double[] row(int i) {
            int slot = i % cache.length;
            if (held[slot] != i) {
                VectorRows.readDoubles(src, i, in);
                if (verticalFirst) {
                    System.arraycopy(in, 0, cache[slot], 0, src.width());
                } else {
                    horizontal(in, cache[slot]);
                    roundIfInteger(cache[slot]);
                }
                held[slot] = i;
            }
            return cache[slot];
        }

        private void horizontal(double[] from, double[] to) {
            if (poly != null) {
                poly.apply(from, to);
                return;
            }
            for (int x = 0; x < dst.width(); x++) {
                double a = 0;
                for (int j = 0; j < cx.taps; j++) {
                    a += cx.weights[x * cx.taps + j] * from[cx.indices[x * cx.taps + j]];
                }
                to[x] = a;
            }
        }

        private void roundIfInteger(double[] row) {
            if (max > 0) {
                VectorRows.saturate(row, row.length, max);
            }
        }
    }
}
