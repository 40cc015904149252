package org.loupe.metrics.classification;

import java.util.Locale;

/**
 * Mean and sample standard deviation (denominator n - 1) of a figure over repeated runs (different seeds or folds),
 * the form in which papers report accuracy.
 *
 * @param runs number of runs
 * @param mean mean
 * @param std  sample standard deviation; 0 for a single run
 */
public record RunStatistics(int runs, double mean, double std) {

    /**
     * @throws IllegalArgumentException without values, or with a non-finite one
     */
    public static RunStatistics of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no runs");
        }
        double sum = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("a run gave " + v);
            }
            sum += v;
        }
        double mean = sum / values.length;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return new RunStatistics(values.length, mean, values.length > 1 ? Math.sqrt(ss / (values.length - 1)) : 0);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4f ± %.4f (n=%d)", mean, std, runs);
    }
}
