package org.loupe.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.io.ReadOptions;
import org.loupe.pipeline.internal.Fingerprint;
import org.loupe.pipeline.internal.ItemRunner;
import org.loupe.pipeline.internal.OutputFolder;
import org.loupe.pipeline.internal.RunRecords;
import org.loupe.pipeline.internal.RunSummary;
import org.loupe.registry.ProviderRegistry;

/**
 * Runs a pipeline over a batch with one policy for every face of Loupe: a bad input or a failing provider on one item
 * never loses the others (the item is recorded with its file, reason and exit class, and the run goes on, unless
 * fail-fast asks to stop); every output is written atomically; each finished item is recorded at once, so a rerun
 * after a crash or {@code kill -9} skips the items whose outputs are complete and current and computes the rest.
 */
public final class BatchRunner {

    /** Hears about the batch's progress; called from the worker threads. */
    public interface Listener {
        /** The batch starts: {@code toRun} of {@code total} items need computing. */
        default void started(int total, int toRun) {
        }

        /** One item ended; {@code left} estimates the time to the end of the batch. */
        default void finished(ItemResult result, int done, int toRun, Duration left) {
        }
    }

    /**
     * How to run.
     *
     * @param outDir    where outputs and the run's records go
     * @param failFast  stop at the first failing item
     * @param overwrite write into a folder that holds files of something else than an earlier run
     * @param jobs      items processed at once
     */
    public record Options(Path outDir, boolean failFast, boolean overwrite, int jobs) {
    }

    private final ProviderRegistry registry;
    private final ReadOptions readOptions;

    /** A runner taking providers from {@code registry} and reading images with {@code readOptions}. */
    public BatchRunner(ProviderRegistry registry, ReadOptions readOptions) {
        this.registry = registry;
        this.readOptions = readOptions;
    }

    /**
     * Runs the pipeline over the items.
     *
     * @throws LoupeException USAGE if the output folder cannot be used (before any work); per-item failures are in
     *                        the result, not thrown
     */
    public BatchResult run(Pipeline pipeline, List<Item> items, Options options, Listener listener,
            BooleanSupplier cancel) throws LoupeException {
        OutputFolder.check(options.outDir(), items, pipeline, options.overwrite());
        String runPart = OutputFolder.identity(pipeline, registry);
        ItemResult[] results = current(pipeline, items, options.outDir()).toArray(ItemResult[]::new);
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (results[i] == null) {
                todo.add(i);
            }
        }
        listener.started(items.size(), todo.size());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        ItemRunner runner = new ItemRunner(pipeline, registry, readOptions, options.outDir());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.jobs(), todo.size())),
                r -> {
                    Thread t = new Thread(r, "loupe-batch");
                    t.setDaemon(true);
                    return t;
                });
        try (RunRecords records = RunRecords.open(options.outDir())) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i : todo) {
                futures.add(pool.submit(() -> {
                    if (stop.get() || cancel.getAsBoolean()) {
                        return null;
                    }
                    Item item = items.get(i);
                    String fp = Fingerprint.of(runPart, OutputFolder.filesOf(pipeline, item));
                    ItemResult r = runOne(runner, item, fp, cancel);
                    records.append(r);
                    results[i] = r;
                    if (!r.ok() && options.failFast()) {
                        stop.set(true);
                    }
                    int n = done.incrementAndGet();
                    long elapsed = System.nanoTime() - start;
                    listener.finished(r, n, todo.size(), Duration.ofNanos(elapsed / n * (todo.size() - n)));
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof LoupeException le) {
                        throw le;
                    }
                    throw new IllegalStateException("batch worker failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop.set(true);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<ItemResult> all = new ArrayList<>();
        for (ItemResult r : results) {
            if (r != null) {
                all.add(r);
            }
        }
        int failed = (int) all.stream().filter(r -> !r.ok()).count();
        BatchResult counted = new BatchResult(all, done.get(), items.size() - todo.size(), failed,
                cancel.getAsBoolean(), null);
        BatchResult result = new BatchResult(all, counted.computed(), counted.skipped(), failed, counted.cancelled(),
                DetectionScores.of(pipeline, items, counted).orElse(null));
        RunSummary.write(options.outDir(), pipeline, result);
        return result;
    }

    /**
     * For each item, its record from an earlier run into {@code outDir} if that run completed it with the same
     * pipeline, provider versions and input files and its outputs are all there; else null (it has to be computed).
     */
    public List<ItemResult> current(Pipeline pipeline, List<Item> items, Path outDir) throws LoupeException {
        String runPart = OutputFolder.identity(pipeline, registry);
        Map<String, ItemResult> previous = RunRecords.read(outDir);
        List<ItemResult> current = new ArrayList<>();
        for (Item item : items) {
            String fp = Fingerprint.of(runPart, OutputFolder.filesOf(pipeline, item));
            ItemResult before = previous.get(item.file().toString());
            boolean complete = before != null && before.ok() && fp.equals(before.fingerprint())
                    && before.outputs().stream().allMatch(o -> Files.isRegularFile(outDir.resolve(o)));
            current.add(complete ? before : null);
        }
        return current;
    }

    /** One item under the batch policy: its failure becomes its record. */
    private static ItemResult runOne(ItemRunner runner, Item item, String fp, BooleanSupplier cancel) {
        long start = System.nanoTime();
        String reason;
        int exit;
        try {
            return runner.run(item, fp, ProcessingContext.builder().cancelWhen(cancel).build());
        } catch (LoupeException e) {
            reason = e.getMessage();
            exit = e.reason().exitCode();
        } catch (OutOfMemoryError e) {
            reason = item.file() + ": not enough memory (this needs more than the "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB Loupe may use)";
            exit = LoupeException.Reason.INPUT.exitCode();
        }
        return new ItemResult(item.file().toString(), item.name(), ItemResult.FAILED, exit, reason, List.of(),
                List.of(), Map.of(), Map.of(), List.of(), (System.nanoTime() - start) / 1_000_000, fp);
    }
}
