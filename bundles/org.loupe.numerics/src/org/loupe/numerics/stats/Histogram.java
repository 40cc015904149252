package org.loupe.numerics.stats;

/**
 * Counts of values in equal-width bins: bin {@code i} holds values in {@code [start + i w, start + (i + 1) w)}.
 * For integer-valued data, bins of width 1 starting at {@code v - 0.5} hold exactly one value each.
 *
 * @param start     lower edge of bin 0
 * @param binWidth  width of every bin, positive
 * @param counts    count per bin
 */
public record Histogram(double start, double binWidth, long[] counts) {

    /** Checks the shape; the counts array is kept as given. */
    public Histogram {
        if (!(binWidth > 0) || counts.length == 0) {
            throw new IllegalArgumentException("a histogram needs bins of positive width");
        }
    }

    /** Lower edge of bin {@code i}. */
    public double edge(int i) {
        return start + i * binWidth;
    }

    /** Centre of bin {@code i}. */
    public double centre(int i) {
        return start + (i + 0.5) * binWidth;
    }

    /** Total count. */
    public long total() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }
}
