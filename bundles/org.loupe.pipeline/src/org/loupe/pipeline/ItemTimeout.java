package org.loupe.pipeline;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.loupe.api.LoupeException;

/**
 * The batch policy's time limit per item ({@code --timeout} of {@code loupe run} and of the per-image commands): an
 * item that takes longer is asked to stop (its cancellation flag is raised, which providers check), recorded as a
 * provider failure, and the batch goes on. A provider that ignores the request cannot be stopped by Java: its thread
 * is left to run on as a daemon, outside the batch's count of items at once, and nothing it writes afterwards is kept
 * (the callers check the flag before writing outputs).
 */
final class ItemTimeout {

    /** How long a provider asked to stop is given to do so before its thread is left behind. */
    private static final long GRACE_MILLIS = 2_000;

    private ItemTimeout() {
    }

    /** One item's work in a pipeline run, which records every failure itself. */
    static ItemResult run(Duration limit, Item item, String fingerprint, BatchPolicy.TimedWork<ItemResult> work) {
        long start = System.nanoTime();
        try {
            Timed<ItemResult> t = call(limit, item.name(), work);
            return t.value() != null ? t.value() : ItemResult.failed(item, LoupeException.Reason.PROVIDER.exitCode(),
                    item.file() + ": " + t.overrun(), millisSince(start), fingerprint);
        } catch (LoupeException e) {
            return ItemResult.failed(item, e.reason().exitCode(), item.file() + ": " + e.getMessage(),
                    millisSince(start), fingerprint);
        }
    }

    /**
     * What came of work run within a limit.
     *
     * @param value   its result, or null if it did not finish
     * @param overrun why it did not, to follow the input's name in a one-line failure
     */
    record Timed<T>(T value, String overrun) {
    }

    /**
     * Runs one item's work in a thread of its own, within {@code limit}.
     *
     * @param work given a flag that turns true when the limit has passed
     * @throws LoupeException what the work threw, or CANCELLED if this thread was interrupted while waiting
     */
    static <T> Timed<T> call(Duration limit, String name, BatchPolicy.TimedWork<T> work) throws LoupeException {
        AtomicBoolean expired = new AtomicBoolean();
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(work.run(expired::get));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "loupe-item " + name);
        t.setDaemon(true);
        t.start();
        try {
            return new Timed<>(result.get(limit.toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (TimeoutException e) {
            expired.set(true);
            boolean stopped = stoppedWithinGrace(result);
            return new Timed<>(null, "not finished within " + seconds(limit) + " (--timeout); " + (stopped
                    ? "stopped" : "its provider did not stop when asked and is left running") + "; the batch goes "
                    + "on");
        } catch (InterruptedException e) {
            expired.set(true);
            Thread.currentThread().interrupt();
            throw LoupeException.cancelled();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LoupeException le) {
                throw le;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("item " + name + " failed unexpectedly", e.getCause());
        }
    }

    private static boolean stoppedWithinGrace(CompletableFuture<?> result) {
        try {
            result.get(GRACE_MILLIS, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            return true; // it ended by throwing, e.g. its own cancellation
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
    }
}
