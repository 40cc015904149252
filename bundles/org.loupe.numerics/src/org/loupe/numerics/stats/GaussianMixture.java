package org.loupe.numerics.stats;

import java.util.Arrays;

/**
 * A one-dimensional Gaussian mixture fitted by expectation-maximization (Dempster, Laird and Rubin 1977) to weighted
 * values, typically a histogram's bin centres and counts: the E step gives each value its responsibility under each
 * component, the M step re-estimates weights, means and variances from them, until the log-likelihood stops rising.
 * Components start at evenly spaced quantiles; a variance floor keeps a component from collapsing onto one value.
 *
 * @param weights   mixing weights, summing to 1
 * @param means     component means, ascending
 * @param sigmas    component standard deviations
 * @param logLikelihood the fitted model's log-likelihood per unit weight
 * @param iterations EM iterations run
 */
public record GaussianMixture(double[] weights, double[] means, double[] sigmas, double logLikelihood,
        int iterations) {

    private static final double TOLERANCE = 1e-7;

    /**
     * Fits {@code k} components.
     *
     * @param values     the values (e.g. bin centres)
     * @param counts     their weights (e.g. bin counts), non-negative, not all zero
     * @param minSigma   the smallest standard deviation a component may take
     * @param maxIterations at most this many EM rounds
     * @throws IllegalArgumentException for mismatched or empty input
     */
    public static GaussianMixture fit(double[] values, double[] counts, int k, double minSigma, int maxIterations) {
        if (values.length != counts.length || values.length == 0 || k < 1) {
            throw new IllegalArgumentException("need as many counts as values, and at least one component");
        }
        double total = Arrays.stream(counts).sum();
        if (!(total > 0)) {
            throw new IllegalArgumentException("all weights are zero");
        }
        double[] w = new double[k];
        double[] mu = quantiles(values, counts, total, k);
        double[] var = new double[k];
        double spread = variance(values, counts, total);
        Arrays.fill(w, 1.0 / k);
        Arrays.fill(var, Math.max(minSigma * minSigma, spread / (k * k)));
        double[] r = new double[k];
        double previous = Double.NEGATIVE_INFINITY;
        double ll = previous;
        int it = 0;
        while (it < maxIterations) {
            it++;
            double[] sw = new double[k];
            double[] sx = new double[k];
            double[] sxx = new double[k];
            ll = 0;
            for (int i = 0; i < values.length; i++) {
                if (counts[i] == 0) {
                    continue;
                }
                double x = values[i];
                double norm = 0;
                for (int c = 0; c < k; c++) {
                    r[c] = w[c] * Normal.density(x, mu[c], Math.sqrt(var[c]));
                    norm += r[c];
                }
                if (norm <= 0) {
                    continue;
                }
                ll += counts[i] * Math.log(norm);
                for (int c = 0; c < k; c++) {
                    double g = counts[i] * r[c] / norm;
                    sw[c] += g;
                    sx[c] += g * x;
                    sxx[c] += g * x * x;
                }
            }
            for (int c = 0; c < k; c++) {
                if (sw[c] <= 0) {
                    continue;
                }
                w[c] = sw[c] / total;
                mu[c] = sx[c] / sw[c];
                var[c] = Math.max(minSigma * minSigma, sxx[c] / sw[c] - mu[c] * mu[c]);
            }
            ll /= total;
            if (ll - previous < TOLERANCE * Math.abs(ll)) {
                break;
            }
            previous = ll;
        }
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> Double.compare(mu[a], mu[b]));
        double[] ws = new double[k];
        double[] ms = new double[k];
        double[] ss = new double[k];
        for (int c = 0; c < k; c++) {
            ws[c] = w[order[c]];
            ms[c] = mu[order[c]];
            ss[c] = Math.sqrt(var[order[c]]);
        }
        return new GaussianMixture(ws, ms, ss, ll, it);
    }

    /** The index of the component whose mean is nearest {@code prior}. */
    public int nearest(double prior) {
        int best = 0;
        for (int c = 1; c < means.length; c++) {
            if (Math.abs(means[c] - prior) < Math.abs(means[best] - prior)) {
                best = c;
            }
        }
        return best;
    }

    /** The probability that {@code x} was drawn from component {@code c} (its responsibility). */
    public double posterior(double x, int c) {
        double norm = 0;
        double mine = 0;
        for (int i = 0; i < means.length; i++) {
            double p = weights[i] * Normal.density(x, means[i], sigmas[i]);
            norm += p;
            mine += i == c ? p : 0;
        }
        return norm > 0 ? mine / norm : 0;
    }

    private static double[] quantiles(double[] values, double[] counts, double total, int k) {
        double[] q = new double[k];
        double cumulative = 0;
        int c = 0;
        for (int i = 0; i < values.length && c < k; i++) {
            cumulative += counts[i];
            while (c < k && cumulative >= total * (c + 0.5) / k) {
                q[c++] = values[i];
            }
        }
        while (c < k) {
            q[c++] = values[values.length - 1];
        }
        return q;
    }

    private static double variance(double[] values, double[] counts, double total) {
        double m = 0;
        for (int i = 0; i < values.length; i++) {
            m += values[i] * counts[i];
        }
        m /= total;
        double v = 0;
        for (int i = 0; i < values.length; i++) {
            v += counts[i] * (values[i] - m) * (values[i] - m);
        }
        return v / total;
    }
}
