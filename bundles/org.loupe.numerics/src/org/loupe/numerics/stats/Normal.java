package org.loupe.numerics.stats;

/** The normal distribution's density and cumulative distribution function. */
public final class Normal {

    private Normal() {
    }

    /** The density of N(mean, sigma^2) at {@code x}. */
    public static double density(double x, double mean, double sigma) {
        double z = (x - mean) / sigma;
        return Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI));
    }

    /** P(X <= x) for X ~ N(mean, sigma^2). */
    public static double cdf(double x, double mean, double sigma) {
        return 0.5 * erfc(-(x - mean) / (sigma * Math.sqrt(2)));
    }

    /**
     * The complementary error function, with fractional error below 1.2e-7 everywhere (the Chebyshev fit of
     * Press et al., Numerical Recipes, section 6.2).
     */
    public static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277))))))));
        double r = t * Math.exp(poly);
        return x >= 0 ? r : 2 - r;
    }
}
