package org.loupe.numerics.tests;

import org.loupe.api.LoupeException;

/** Runs a computation with the vector paths switched on or off, so tests can compare the two (see Simd). */
final class SimdSwitch {

    private SimdSwitch() {
    }

    static <T> T withVectors(boolean on, Computation<T> c) throws LoupeException {
        String before = System.getProperty("loupe.simd");
        System.setProperty("loupe.simd", Boolean.toString(on));
        try {
            return c.run();
        } finally {
            if (before == null) {
                System.clearProperty("loupe.simd");
            } else {
                System.setProperty("loupe.simd", before);
            }
        }
    }

    /** A computation that may fail. */
    @FunctionalInterface
    interface Computation<T> {
        T run() throws LoupeException;
    }
}
