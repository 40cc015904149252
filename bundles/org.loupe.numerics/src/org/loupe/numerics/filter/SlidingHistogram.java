package org.loupe.numerics.filter;

import java.util.Arrays;

/**
 * A histogram of integer samples that tracks the value of a fixed rank (Huang's algorithm): after each add or remove
 * the tracked value moves only as far as the distribution changed, so sliding a window costs little per step.
 */
final class SlidingHistogram {

    private final int[] counts;
    private final int rank;
    private int value;
    private int below;

    /**
     * @param bins number of possible sample values
     * @param rank zero-based rank to track, e.g. n / 2 for the median of n samples
     */
    SlidingHistogram(int bins, int rank) {
        this.counts = new int[bins];
        this.rank = rank;
    }

    void clear() {
        Arrays.fill(counts, 0);
        value = 0;
        below = 0;
    }

    void add(int v) {
        counts[v]++;
        if (v < value) {
            below++;
        }
    }

    void remove(int v) {
        counts[v]--;
        if (v < value) {
            below--;
        }
    }

    /** The value at the tracked rank; the histogram must hold more than {@code rank} samples. */
    int median() {
        while (below > rank) {
            value--;
            below -= counts[value];
        }
        while (below + counts[value] <= rank) {
            below += counts[value];
            value++;
        }
        return value;
    }
}
