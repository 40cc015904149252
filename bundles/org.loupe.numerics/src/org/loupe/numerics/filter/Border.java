package org.loupe.numerics.filter;

/** Replicate-border index arithmetic: positions outside {@code [0, n)} map to the nearest edge. */
final class Border {

    private Border() {
    }

    static int clamp(int i, int n) {
        return i < 0 ? 0 : (i >= n ? n - 1 : i);
    }
}
