package org.loupe.bench.internal;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.loupe.api.LoupeException;

/** Median wall time of an operation after a warm-up, the figure every Loupe benchmark reports. */
public final class Timing {

    /** One timed operation. */
    @FunctionalInterface
    public interface Op {
        /** Does the work once. */
        void run() throws LoupeException;
    }

    // the vector paths reach their compiled form only after C2 has seen them run for a while
    private static final long WARMUP_NS = TimeUnit.MILLISECONDS.toNanos(2000);

    private Timing() {
    }

    /** Median milliseconds of {@code runs} runs, after warming up for about two seconds (at least three runs). */
    public static double medianMillis(Op op, int runs) throws LoupeException {
        long start = System.nanoTime();
        int warm = 0;
        while (warm < 3 || (System.nanoTime() - start < WARMUP_NS && warm < 2000)) {
            op.run();
            warm++;
        }
        return timed(op, runs);
    }

    /** Median milliseconds of {@code runs} runs, with no warm-up beyond what the caller did. */
    public static double timed(Op op, int runs) throws LoupeException {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            op.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }
}
