package org.loupe.numerics.filter;

/** Replicate-border index arithmetic: positions outside {@code [0, n)} map to the nearest edge. */
final class Border {

    private Border() {
    }

    static int clamp(int i, int n) {
        return i < 0 ? 0 : (i >= n ? n - 1 : i);
    }

    /** The clamped indices of {@code from..to-1}, so inner loops index without branches. */
    static int[] clampedRange(int from, int to, int n) {
        int[] out = new int[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = clamp(i, n);
        }
        return out;
    }
}
