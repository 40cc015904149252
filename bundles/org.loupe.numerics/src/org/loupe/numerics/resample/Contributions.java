package org.loupe.numerics.resample;

/**
 * For each output position along one axis, the input positions that contribute and their weights, computed as
 * MATLAB's {@code imresize} does: output pixel {@code x} (1-based) maps to {@code u = x / scale + (1 - 1 / scale) / 2},
 * the kernel is widened by {@code 1 / scale} when shrinking with antialiasing, weights are normalised to sum 1, and
 * out-of-range positions are mirrored (symmetric, edge pixel repeated).
 */
final class Contributions {

    final int taps;
    final int[] indices;
    final double[] weights;
    /** Per output, the 0-based input position of its first original tap before mirroring (may be negative). */
    final int[] first;
    /** Per kept tap, its offset from {@link #first}: positions are first[o] + offset[j] before mirroring. */
    final int[] offset;

    private Contributions(int taps, int[] indices, double[] weights, int[] first, int[] offset) {
        this.taps = taps;
        this.indices = indices;
        this.weights = weights;
        this.first = first;
        this.offset = offset;
    }

    static Contributions of(int inLength, int outLength, double scale, Interpolation kernel, boolean antialias) {
        boolean widen = scale < 1 && antialias;
        double width = widen ? kernel.width() / scale : kernel.width();
        int taps = (int) Math.ceil(width) + 2;
        int[] indices = new int[outLength * taps];
        double[] weights = new double[outLength * taps];
        int[] first = new int[outLength];
        for (int o = 0; o < outLength; o++) {
            double u = (o + 1) / scale + 0.5 * (1 - 1 / scale);
            long left = (long) Math.floor(u - width / 2);
            first[o] = (int) (left - 1);
            double sum = 0;
            for (int j = 0; j < taps; j++) {
                long position = left + j;
                double d = u - position;
                double w = widen ? scale * kernel.kernel(scale * d) : kernel.kernel(d);
                weights[o * taps + j] = w;
                sum += w;
                indices[o * taps + j] = mirror(position, inLength);
            }
            for (int j = 0; j < taps; j++) {
                weights[o * taps + j] /= sum;
            }
        }
        return withoutDeadTaps(taps, outLength, indices, weights, first);
    }

    /**
     * Drops the tap positions whose weight is zero for every output, as MATLAB's {@code imresize} does (its "kill"
     * step): upscaling by two keeps 4 of 6 taps. Besides the time saved, a NaN or infinity under a zero weight then
     * stays out of the result, again as in MATLAB.
     */
    private static Contributions withoutDeadTaps(int taps, int outLength, int[] indices, double[] weights,
            int[] first) {
        boolean[] live = new boolean[taps];
        int kept = 0;
        for (int j = 0; j < taps; j++) {
            for (int o = 0; o < outLength && !live[j]; o++) {
                live[j] = weights[o * taps + j] != 0;
            }
            kept += live[j] ? 1 : 0;
        }
        int[] offset = new int[kept];
        for (int j = 0, n = 0; j < taps; j++) {
            if (live[j]) {
                offset[n++] = j;
            }
        }
        if (kept == taps) {
            return new Contributions(taps, indices, weights, first, offset);
        }
        int[] ki = new int[outLength * kept];
        double[] kw = new double[outLength * kept];
        for (int o = 0; o < outLength; o++) {
            int n = 0;
            for (int j = 0; j < taps; j++) {
                if (live[j]) {
                    ki[o * kept + n] = indices[o * taps + j];
                    kw[o * kept + n] = weights[o * taps + j];
                    n++;
                }
            }
        }
        return new Contributions(kept, ki, kw, first, offset);
    }

    /** 0-based index of 1-based position {@code p} in the sequence 1..n, n..1, 1..n, ... */
    static int mirror(long p, int n) {
        long m = Math.floorMod(p - 1, 2L * n);
        return (int) (m < n ? m : 2L * n - 1 - m);
    }
}
