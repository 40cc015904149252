package org.loupe.numerics.filter;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.loupe.image.PixelImage;
import org.loupe.numerics.VectorRows;

/**
 * {@link SeparableFilter} with explicit vectors, both passes fused over a strip of rows: each input row is filtered
 * along x once, into a ring of the last 2r + 1 such rows (which stays in the processor's cache), and each output row
 * is the vertical combination of the ring's rows. Taps are added to a row of sums one after the other, four taps per
 * sweep over the row, with the plain path's arithmetic operation for operation (no fused multiply-add), so both paths
 * give the same floats.
 */
final class VectorSeparable {

    private static final VectorSpecies<Float> F = VectorRows.F;
    private static final int L = VectorRows.LANES;

    private VectorSeparable() {
    }

    /** Output rows {@code [y0, y1)} of a single-band image. */
    static void rows(PixelImage src, PixelImage dst, float[] k, boolean symmetric, int y0, int y1) {
        int r = k.length / 2;
        int w = src.width();
        int h = src.height();
        int wp = (w + L - 1) / L * L;
        int slots = 2 * r + 1;
        float[] ring = new float[slots * wp];
        int[] held = new int[slots];
        Arrays.fill(held, -1);
        float[] p = new float[wp + 2 * r + L];
        float[] acc = new float[wp];
        int[] left = new int[r];
        int[] right = new int[r];
        for (int t = 0; t < r; t++) {
            left[t] = t;
            right[t] = 2 * r - t;
        }
        int[] above = new int[r];
        int[] below = new int[r];
        for (int y = y0; y < y1; y++) {
            for (int j = 0; j < slots; j++) {
                int row = Border.clamp(y + j - r, h);
                int slot = row % slots;
                if (held[slot] != row) {
                    horizontal(src, row, p, r, w, k, symmetric, left, right, acc, wp);
                    System.arraycopy(acc, 0, ring, slot * wp, wp);
                    held[slot] = row;
                }
            }
            for (int t = 0; t < r; t++) {
                above[t] = Border.clamp(y + t - r, h) % slots * wp;
                below[t] = Border.clamp(y + r - t, h) % slots * wp;
            }
            scale(ring, y % slots * wp, k[r], acc, wp);
            if (symmetric) {
                addPairs(ring, above, below, k, acc, wp);
            } else {
                addTaps(ring, above, below, k, acc, wp);
            }
            VectorRows.write(dst, y, acc, 0);
        }
    }

    /** Row {@code y} filtered along x into acc[0, wp). */
    private static void horizontal(PixelImage src, int y, float[] p, int r, int w, float[] k, boolean symmetric,
            int[] left, int[] right, float[] acc, int wp) {
        VectorRows.read(src, y, p, r);
        for (int i = 0; i < r; i++) {
            p[i] = p[r];
            p[r + w + i] = p[r + w - 1];
        }
        scale(p, r, k[r], acc, wp);
        if (symmetric) {
            addPairs(p, left, right, k, acc, wp);
        } else {
            addTaps(p, left, right, k, acc, wp);
        }
    }

    /** acc[x] += k[t] * s[a[t] + x] + k[2r - t] * s[b[t] + x] for each tap in turn: asymmetric kernels. */
    private static void addTaps(float[] s, int[] a, int[] b, float[] k, float[] acc, int n) {
        int r = a.length;
        for (int t = 0; t < r; t++) {
            int at = a[t];
            int bt = b[t];
            float ka = k[t];
            float kb = k[2 * r - t];
            for (int x = 0; x < n; x += L) {
                FloatVector.fromArray(F, acc, x).add(FloatVector.fromArray(F, s, at + x).mul(ka)
                        .add(FloatVector.fromArray(F, s, bt + x).mul(kb))).intoArray(acc, x);
            }
        }
    }

    /** acc[x] = s[from + x] * c for x below n (a multiple of the lane count). */
    private static void scale(float[] s, int from, float c, float[] acc, int n) {
        for (int x = 0; x < n; x += L) {
            FloatVector.fromArray(F, s, from + x).mul(c).intoArray(acc, x);
        }
    }

    /**
     * acc[x] += k[t] * (s[a[t] + x] + s[b[t] + x]) for t = 0, 1, ... in turn and x below n (a multiple of the lane
     * count), four taps per sweep.
     */
    private static void addPairs(float[] s, int[] a, int[] b, float[] k, float[] acc, int n) {
        int r = a.length;
        int t = 0;
        for (; t + 4 <= r; t += 4) {
            int a0 = a[t];
            int a1 = a[t + 1];
            int a2 = a[t + 2];
            int a3 = a[t + 3];
            int b0 = b[t];
            int b1 = b[t + 1];
            int b2 = b[t + 2];
            int b3 = b[t + 3];
            // locals, not k[...] in the loop: the JIT cannot prove that storing into acc leaves k alone
            float k0 = k[t];
            float k1 = k[t + 1];
            float k2 = k[t + 2];
            float k3 = k[t + 3];
            for (int x = 0; x < n; x += L) {
                FloatVector v = FloatVector.fromArray(F, acc, x);
                v = v.add(FloatVector.fromArray(F, s, a0 + x).add(FloatVector.fromArray(F, s, b0 + x)).mul(k0));
                v = v.add(FloatVector.fromArray(F, s, a1 + x).add(FloatVector.fromArray(F, s, b1 + x)).mul(k1));
                v = v.add(FloatVector.fromArray(F, s, a2 + x).add(FloatVector.fromArray(F, s, b2 + x)).mul(k2));
                v = v.add(FloatVector.fromArray(F, s, a3 + x).add(FloatVector.fromArray(F, s, b3 + x)).mul(k3));
                v.intoArray(acc, x);
            }
        }
        for (; t < r; t++) {
            int at = a[t];
            int bt = b[t];
            float kt = k[t];
            for (int x = 0; x < n; x += L) {
                FloatVector.fromArray(F, acc, x).add(FloatVector.fromArray(F, s, at + x)
                        .add(FloatVector.fromArray(F, s, bt + x)).mul(kt)).intoArray(acc, x);
            }
        }
    }
}
