package org.loupe.numerics.stats;

/**
 * A normal distribution fitted to data by its moments, and how well it fits.
 *
 * @param count      number of values
 * @param mean       sample mean
 * @param sigma      sample standard deviation (denominator n - 1)
 * @param ksDistance Kolmogorov-Smirnov statistic: the largest distance between the data's cumulative distribution
 *                   and the fitted normal's, evaluated at the histogram's bin edges (exact for integer-valued data
 *                   binned one value per bin, since the empirical distribution only steps at those edges)
 */
public record GaussianFit(long count, double mean, double sigma, double ksDistance) {

    /** Fits moments given as sums, and measures the fit against the histogram of the same data. */
    public static GaussianFit of(long count, double sum, double sumOfSquares, Histogram histogram) {
        if (count < 2) {
            throw new IllegalArgumentException("a fit needs at least two values, got " + count);
        }
        double mean = sum / count;
        double variance = Math.max(0, (sumOfSquares - count * mean * mean) / (count - 1));
        double sigma = Math.sqrt(variance);
        return new GaussianFit(count, mean, sigma, sigma > 0 ? ks(histogram, mean, sigma) : 1);
    }

    private static double ks(Histogram h, double mean, double sigma) {
        double n = h.total();
        double cumulative = 0;
        double d = Normal.cdf(h.edge(0), mean, sigma); // nothing lies below the first edge
        for (int i = 0; i < h.counts().length; i++) {
            cumulative += h.counts()[i];
            d = Math.max(d, Math.abs(cumulative / n - Normal.cdf(h.edge(i + 1), mean, sigma)));
        }
        return d;
    }

    /** The fitted density at x, scaled to expected counts in a bin of the given width. */
    public double expectedCount(double x, double binWidth) {
        double z = (x - mean) / sigma;
        return count * binWidth * Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI));
    }
}
