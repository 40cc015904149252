package org.loupe.tensorflow.train;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How a variable's first values are drawn. Values are computed in Java from the network's seed, in the order the
 * variables are created, so that the same seed gives the same network bit for bit on any machine.
 */
@FunctionalInterface
public interface Init {

    /** Fills {@code values} for a variable whose fan-in (inputs per output) is {@code fanIn}. */
    void fill(float[] values, int fanIn, SplittableRandom random);

    /** Uniform in [-limit, limit]. */
    static Init uniform(double limit) {
        return (v, fanIn, r) -> {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) ((r.nextDouble() * 2 - 1) * limit);
            }
        };
    }

    /** He et al. (2015): normal with standard deviation sqrt(2 / fanIn), for layers followed by ReLU. */
    static Init he() {
        return (v, fanIn, r) -> {
            double std = Math.sqrt(2.0 / fanIn);
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (r.nextGaussian() * std);
            }
        };
    }

    /** Glorot-style uniform with limit sqrt(3 / fanIn) (unit output variance for unit input variance). */
    static Init lecunUniform() {
        return (v, fanIn, r) -> uniform(Math.sqrt(3.0 / fanIn)).fill(v, fanIn, r);
    }

    /** Every value the same. */
    static Init constant(float value) {
        return (v, fanIn, r) -> Arrays.fill(v, value);
    }

    /** Exactly the given values (e.g. weights trained elsewhere). */
    static Init values(float[] given) {
        return (v, fanIn, r) -> {
            if (given.length != v.length) {
                throw new IllegalArgumentException(given.length + " values for a variable of " + v.length);
            }
            System.arraycopy(given, 0, v, 0, v.length);
        };
    }
}
