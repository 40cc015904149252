package org.loupe.numerics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.loupe.numerics.stats.GaussianMixture;

/** EM recovers the mixture a histogram was drawn from. */
class GaussianMixtureTest {

    /** A 1-HU histogram of 60,000 draws: 30% N(-100, 15), 50% N(40, 10), 20% N(160, 20). */
    private static double[][] histogram() {
        Random r = new Random(4);
        double[] centres = new double[600];
        double[] counts = new double[600];
        for (int b = 0; b < 600; b++) {
            centres[b] = -300 + b + 0.5;
        }
        for (int n = 0; n < 60_000; n++) {
            double u = r.nextDouble();
            double x = u < 0.3 ? -100 + 15 * r.nextGaussian() : u < 0.8 ? 40 + 10 * r.nextGaussian()
                    : 160 + 20 * r.nextGaussian();
            int b = (int) Math.floor(x + 300);
            if (b >= 0 && b < 600) {
                counts[b]++;
            }
        }
        return new double[][] {centres, counts};
    }

    @Test
    void recoversWeightsMeansAndSpreadsOfThreeComponents() {
        double[][] h = histogram();
        GaussianMixture m = GaussianMixture.fit(h[0], h[1], 3, 1, 500);
        assertEquals(-100, m.means()[0], 1);
        assertEquals(40, m.means()[1], 1);
        assertEquals(160, m.means()[2], 1.5);
        assertEquals(15, m.sigmas()[0], 1);
        assertEquals(10, m.sigmas()[1], 1);
        assertEquals(20, m.sigmas()[2], 1.5);
        assertEquals(0.3, m.weights()[0], 0.01);
        assertEquals(0.5, m.weights()[1], 0.01);
        assertEquals(0.2, m.weights()[2], 0.01);
        assertTrue(m.iterations() < 500, "converged");
    }

    @Test
    void posteriorsAreProbabilitiesAndTheNearestComponentIsChosenByMean() {
        double[][] h = histogram();
        GaussianMixture m = GaussianMixture.fit(h[0], h[1], 3, 1, 500);
        assertEquals(1, m.nearest(55));
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            sum += m.posterior(100, c);
        }
        assertEquals(1, sum, 1e-12);
        assertTrue(m.posterior(40, 1) > 0.99);
        assertTrue(m.posterior(-100, 0) > 0.99);
    }

    @Test
    void aVarianceFloorKeepsAComponentFromCollapsing() {
        double[] centres = {0, 1, 2, 50};
        double[] counts = {10, 10, 10, 1};
        GaussianMixture m = GaussianMixture.fit(centres, counts, 2, 3, 200);
        for (double s : m.sigmas()) {
            assertTrue(s >= 3 - 1e-12, "sigma " + s);
        }
        assertThrows(IllegalArgumentException.class, () -> GaussianMixture.fit(centres, new double[4], 2, 1, 10));
    }
}
