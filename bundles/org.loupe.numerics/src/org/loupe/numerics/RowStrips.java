package org.loupe.numerics;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;

/**
 * Runs row-wise image work in horizontal strips, in parallel, checking for cancellation before each strip and
 * reporting progress after it. Most pixel operations can compute any band of output rows independently; splitting
 * them this way gives cancellation, progress and multi-core speed without each provider writing its own loop.
 */
public final class RowStrips {

    /** Work on output rows {@code [y0, y1)}; must only write those rows. */
    @FunctionalInterface
    public interface Task {
        /** Computes output rows from {@code y0} inclusive to {@code y1} exclusive. */
        void run(int y0, int y1);
    }

    private RowStrips() {
    }

    /**
     * Runs {@code task} over {@code rows} rows.
     *
     * @param message progress message, e.g. "median 5x5"
     * @throws LoupeException with reason CANCELLED if the context was cancelled before the last strip finished
     */
    public static void run(int rows, ProcessingContext ctx, String message, Task task) throws LoupeException {
        run(rows, 8, ctx, message, task);
    }

    /**
     * Runs {@code task} over {@code rows} rows in strips of at least {@code minHeight} rows (for work that pays a
     * fixed cost per strip, such as a halo of context rows).
     *
     * @throws LoupeException with reason CANCELLED if the context was cancelled before the last strip finished
     */
    public static void run(int rows, int minHeight, ProcessingContext ctx, String message, Task task)
            throws LoupeException {
        ctx.checkCancelled();
        int threads = Runtime.getRuntime().availableProcessors();
        // several strips per thread keeps cores busy when strips take unequal time, and cancellation prompt
        int stripHeight = Math.max(minHeight, (rows + threads * 8 - 1) / (threads * 8));
        int strips = (rows + stripHeight - 1) / stripHeight;
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, strips).parallel().forEach(i -> {
            if (stop.get() || ctx.isCancelled()) {
                stop.set(true);
                return;
            }
            int y0 = i * stripHeight;
            task.run(y0, Math.min(rows, y0 + stripHeight));
            ctx.progress(done.incrementAndGet() / (double) strips, message);
        });
        if (stop.get()) {
            throw LoupeException.cancelled();
        }
    }
}
