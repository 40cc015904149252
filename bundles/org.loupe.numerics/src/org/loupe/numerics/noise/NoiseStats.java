package org.loupe.numerics.noise;

import org.loupe.numerics.stats.GaussianFit;
import org.loupe.numerics.stats.Histogram;

/**
 * The noise of one image pair or a whole set: the distribution of clean minus noisy pixel values and the Gaussian
 * fitted to it.
 *
 * @param name      what was analysed (a file name or a set name)
 * @param pairs     number of image pairs pooled
 * @param fit       mean, standard deviation and Kolmogorov-Smirnov distance of the differences
 * @param histogram the differences, trimmed to the range that holds values
 */
public record NoiseStats(String name, int pairs, GaussianFit fit, Histogram histogram) {
}
