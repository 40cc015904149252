package org.loupe.numerics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.loupe.image.GrayF32;
import org.loupe.image.GrayU16;
import org.loupe.image.GrayU8;
import org.loupe.numerics.noise.NoiseAccumulator;
import org.loupe.numerics.noise.NoiseStats;
import org.loupe.numerics.stats.Normal;

class NoiseAnalysisTest {

    private static GrayU16[] pair(long seed, double sigma, boolean uniform) {
        SplittableRandom rnd = new SplittableRandom(seed);
        GrayU16 clean = GrayU16.create(200, 150);
        GrayU16 noisy = GrayU16.create(200, 150);
        for (int y = 0; y < 150; y++) {
            for (int x = 0; x < 200; x++) {
                int v = 20_000 + 50 * x;
                clean.set(x, y, v);
                double n = uniform ? (rnd.nextDouble() - 0.5) * sigma * Math.sqrt(12) : rnd.nextGaussian() * sigma;
                noisy.set(x, y, (int) Math.round(v - 30 + n)); // noisy is 30 below clean on average
            }
        }
        return new GrayU16[] {noisy, clean};
    }

    @Test
    void recoversTheMeanAndSigmaOfGaussianNoise() {
        NoiseAccumulator acc = new NoiseAccumulator("S1", 1);
        for (int i = 0; i < 3; i++) {
            GrayU16[] p = pair(i, 40, false);
            acc.add(p[0], p[1]);
        }
        NoiseStats s = acc.result();
        assertEquals(3, s.pairs());
        assertEquals(90_000, s.fit().count());
        assertEquals(30, s.fit().mean(), 0.5);
        // rounding adds 1/12 to the variance: sqrt(40^2 + 1/12)
        assertEquals(Math.sqrt(1600 + 1 / 12.0), s.fit().sigma(), 0.4);
        assertTrue(s.fit().ksDistance() < 0.01, "Gaussian noise fits a Gaussian: D = " + s.fit().ksDistance());
        assertEquals(90_000, s.histogram().total());
    }

    @Test
    void uniformNoiseFitsAGaussianBadly() {
        NoiseAccumulator acc = new NoiseAccumulator("uniform", 1);
        GrayU16[] p = pair(9, 40, true);
        acc.add(p[0], p[1]);
        NoiseStats s = acc.result();
        assertEquals(40, s.fit().sigma(), 0.6);
        assertTrue(s.fit().ksDistance() > 0.03, "uniform noise should not pass for Gaussian: D = "
                + s.fit().ksDistance());
    }

    @Test
    void mismatchedPairsAreRejected() {
        NoiseAccumulator acc = new NoiseAccumulator("x", 1);
        assertThrows(IllegalArgumentException.class, () -> acc.add(GrayU8.create(4, 4), GrayU8.create(4, 5)));
        assertThrows(IllegalArgumentException.class, () -> acc.add(GrayU8.create(4, 4), GrayU16.create(4, 4)));
    }

    @Test
    void nonFiniteValuesAreRejected() {
        GrayF32 a = GrayF32.create(3, 3);
        GrayF32 b = GrayF32.create(3, 3);
        b.set(1, 1, Float.NaN);
        NoiseAccumulator acc = new NoiseAccumulator("x", 1.0 / 1024);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> acc.add(a, b));
        assertEquals("non-finite pixel value at (1, 1)", e.getMessage());
    }

    @Test
    void anEmptySetHasNoResult() {
        assertThrows(IllegalStateException.class, () -> new NoiseAccumulator("empty", 1).result());
    }

    @Test
    void normalCdfIsAccurate() {
        assertEquals(0.5, Normal.cdf(0, 0, 1), 1e-7);
        assertEquals(0.8413447460685429, Normal.cdf(1, 0, 1), 2e-7);
        assertEquals(0.02275013194817921, Normal.cdf(-2, 0, 1), 2e-8);
        assertEquals(0.9986501019683699, Normal.cdf(13, 4, 3), 2e-7);
    }
}
