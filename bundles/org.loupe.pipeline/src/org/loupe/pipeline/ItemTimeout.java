package org.loupe.pipeline;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.loupe.api.LoupeException;

/**
 * The batch policy's time limit per item ({@code loupe run --timeout}): an item that takes longer is asked to stop
 * (its cancellation flag is raised, which providers check), recorded as a provider failure, and the batch goes on. A
 * provider that ignores the request cannot be stopped by Java: its thread is left to run on as a daemon, outside the
 * batch's count of items at once, and nothing it writes afterwards is recorded (the item runner checks cancellation
 * before writing outputs).
 */
final class ItemTimeout {

    /** How long a provider asked to stop is given to do so before its thread is left behind. */
    private static final long GRACE_MILLIS = 2_000;

    private ItemTimeout() {
    }

    /**
     * Runs one item's work in a thread of its own, within {@code limit}.
     *
     * @param work the item's work, given a flag that turns true when the limit has passed
     */
    static ItemResult run(Duration limit, Item item, String fingerprint, Function<BooleanSupplier, ItemResult> work) {
        AtomicBoolean expired = new AtomicBoolean();
        CompletableFuture<ItemResult> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(work.apply(expired::get));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "loupe-item " + item.name());
        t.setDaemon(true);
        long start = System.nanoTime();
        t.start();
        try {
            return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            expired.set(true);
            boolean stopped = stoppedWithinGrace(result);
            return ItemResult.failed(item, LoupeException.Reason.PROVIDER.exitCode(), item.file() + ": not finished "
                    + "within " + seconds(limit) + " (--timeout); " + (stopped ? "stopped" : "its provider did not "
                    + "stop when asked and is left running") + "; the batch goes on", millisSince(start), fingerprint);
        } catch (InterruptedException e) {
            expired.set(true);
            Thread.currentThread().interrupt();
            return ItemResult.failed(item, LoupeException.Reason.CANCELLED.exitCode(), item.file() + ": interrupted",
                    millisSince(start), fingerprint);
        } catch (ExecutionException e) {
            // runOne records every failure itself; anything else is a bug worth its stack trace
            throw new IllegalStateException("item " + item.file() + " failed unexpectedly", e.getCause());
        }
    }

    private static boolean stoppedWithinGrace(CompletableFuture<ItemResult> result) {
        try {
            result.get(GRACE_MILLIS, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
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
