package org.loupe.numerics.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A comparator network that moves the median of n values (n odd) to position n / 2: Batcher's odd-even merge sort
 * with every comparator removed that cannot influence that position. Applied element-wise to whole rows at once
 * (one array per window position), its min/max loops are what the JIT turns into vector instructions, which makes
 * small medians several times faster than per-pixel selection.
 */
final class SelectionNetwork {

    private static final Map<Integer, SelectionNetwork> CACHE = new ConcurrentHashMap<>();

    private final int[] low;
    private final int[] high;
    final int size;

    private SelectionNetwork(int n) {
        List<int[]> all = new ArrayList<>();
        for (int p = 1; p < n; p *= 2) {
            for (int k = p; k >= 1; k /= 2) {
                for (int j = k % p; j + k < n; j += 2 * k) {
                    for (int i = 0; i < Math.min(k, n - j - k); i++) {
                        if ((i + j) / (2 * p) == (i + j + k) / (2 * p)) {
                            all.add(new int[] {i + j, i + j + k});
                        }
                    }
                }
            }
        }
        boolean[] needed = new boolean[n];
        needed[n / 2] = true;
        List<int[]> kept = new ArrayList<>();
        for (int c = all.size() - 1; c >= 0; c--) {
            int[] pair = all.get(c);
            if (needed[pair[0]] || needed[pair[1]]) {
                kept.add(0, pair);
                needed[pair[0]] = true;
                needed[pair[1]] = true;
            }
        }
        this.size = n;
        this.low = kept.stream().mapToInt(p -> p[0]).toArray();
        this.high = kept.stream().mapToInt(p -> p[1]).toArray();
    }

    /** The network for n values (n odd), built once and shared. */
    static SelectionNetwork of(int n) {
        return CACHE.computeIfAbsent(n, SelectionNetwork::new);
    }

    int comparators() {
        return low.length;
    }

    /** The lower index of comparator {@code c}: after it, that position holds the smaller value. */
    int low(int c) {
        return low[c];
    }

    /** The higher index of comparator {@code c}. */
    int high(int c) {
        return high[c];
    }

    /** The window side k of a k x k window (n = k * k). */
    int side() {
        return (int) Math.round(Math.sqrt(size));
    }

    /**
     * Leaves in {@code v[n/2][x]}, for every x below {@code w}, the median of {@code v[0..n)[x]}; clobbers v. Values
     * must lie in 0..65535 (8- and 16-bit samples).
     */
    void apply(int[][] v, int w) {
        for (int c = 0; c < low.length; c++) {
            int[] a = v[low[c]];
            int[] b = v[high[c]];
            for (int x = 0; x < w; x++) {
                int p = a[x];
                int q = b[x];
                // min as q + (d & sign(d)) rather than Math.min: JDK 17 vectorises subtract/shift/and on ints but
                // not an int min; differences of 16-bit values cannot overflow
                int d = p - q;
                int min = q + (d & (d >> 31));
                a[x] = min;
                b[x] = p + q - min;
            }
        }
    }

    /** The float version of {@link #apply(int[][], int)}. */
    void apply(float[][] v, int w) {
        for (int c = 0; c < low.length; c++) {
            float[] a = v[low[c]];
            float[] b = v[high[c]];
            for (int x = 0; x < w; x++) {
                float p = a[x];
                float q = b[x];
                a[x] = Math.min(p, q);
                b[x] = Math.max(p, q);
            }
        }
    }
}
