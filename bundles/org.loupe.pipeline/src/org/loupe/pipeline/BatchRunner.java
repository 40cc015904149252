package org.loupe.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.io.ReadOptions;
import org.loupe.pipeline.internal.BatchDetections;
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
     * @param timeout   the longest one item may take, or null for no limit ({@link ItemTimeout})
     */
    public record Options(Path outDir, boolean failFast, boolean overwrite, int jobs, Duration timeout) {
        /** Options without a time limit per item. */
        public Options(Path outDir, boolean failFast, boolean overwrite, int jobs) {
            this(outDir, failFast, overwrite, jobs, null);
        }
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
        // the records are opened first and held to the end: they lock the folder against a second run into it
        try (RunRecords records = RunRecords.open(options.outDir())) {
            List<String> fingerprints = fingerprints(pipeline, items);
            ItemResult[] results = current(items, fingerprints, options.outDir()).toArray(ItemResult[]::new);
            List<Integer> todo = IntStream.range(0, items.size()).filter(i -> results[i] == null).boxed().toList();
            listener.started(items.size(), todo.size());
            Execution run = new Execution(pipeline, items, fingerprints, options, listener, cancel, results,
                    todo.size());
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.jobs(), todo.size())),
                    r -> {
                        Thread t = new Thread(r, "loupe-batch");
                        t.setDaemon(true);
                        return t;
                    });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i : todo) {
                    futures.add(pool.submit(() -> run.item(i, records)));
                }
                run.await(futures);
            } finally {
                pool.shutdownNow();
            }
            return summarize(pipeline, items, Arrays.stream(results).filter(Objects::nonNull).toList(),
                    run.done.get(), items.size() - todo.size(), cancel.getAsBoolean(), options.outDir());
        }
    }

    /** One batch under way: the items still to compute, worked on by the pool's threads. */
    private final class Execution {
        private final List<Item> items;
        private final List<String> fingerprints;
        private final Options options;
        private final Listener listener;
        private final BooleanSupplier cancel;
        private final ItemResult[] results;
        private final int toRun;
        private final ItemRunner runner;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicInteger done = new AtomicInteger();
        private final long start = System.nanoTime();

        Execution(Pipeline pipeline, List<Item> items, List<String> fingerprints, Options options, Listener listener,
                BooleanSupplier cancel, ItemResult[] results, int toRun) {
            this.items = items;
            this.fingerprints = fingerprints;
            this.options = options;
            this.listener = listener;
            this.cancel = cancel;
            this.results = results;
            this.toRun = toRun;
            this.runner = new ItemRunner(pipeline, registry, readOptions, options.outDir());
        }

        /** Computes item {@code i}, records it at once, and tells the listener. */
        Void item(int i, RunRecords records) throws LoupeException {
            if (stop.get() || cancel.getAsBoolean()) {
                return null;
            }
            ItemResult r = runOne(runner, items.get(i), fingerprints.get(i), cancel, options.timeout());
            records.append(r);
            results[i] = r;
            if (!r.ok() && options.failFast()) {
                stop.set(true);
            }
            int n = done.incrementAndGet();
            listener.finished(r, n, toRun, Duration.ofNanos((System.nanoTime() - start) / n * (toRun - n)));
            return null;
        }

        /** Waits for every item; a record that could not be written ends the batch with its error. */
        void await(List<Future<?>> futures) throws LoupeException {
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof LoupeException le) {
                        throw le;
                    }
                    throw new IllegalStateException("batch worker failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop.set(true);
                }
            }
        }
    }

    /**
     * For each item, its record from an earlier run into {@code outDir} if that run completed it with the same
     * pipeline, provider versions and input files and its outputs are all there; else null (it has to be computed).
     */
    public List<ItemResult> current(Pipeline pipeline, List<Item> items, Path outDir) throws LoupeException {
        return current(items, fingerprints(pipeline, items), outDir);
    }

    static List<ItemResult> current(List<Item> items, List<String> fingerprints, Path outDir)
            throws LoupeException {
        Map<String, ItemResult> previous = RunRecords.read(outDir);
        List<ItemResult> current = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ItemResult before = previous.get(items.get(i).file().toString());
            boolean complete = before != null && before.ok() && fingerprints.get(i).equals(before.fingerprint())
                    && before.outputs().stream().allMatch(o -> Files.isRegularFile(outDir.resolve(o)));
            current.add(complete ? before : null);
        }
        return current;
    }

    /** Each item's fingerprint: the pipeline and its providers' versions, and the item's files. */
    private List<String> fingerprints(Pipeline pipeline, List<Item> items) throws LoupeException {
        return fingerprints(OutputFolder.identity(pipeline, registry), pipeline, items);
    }

    /** Each item's fingerprint, given the run's identity ({@link OutputFolder#identity}). */
    static List<String> fingerprints(String runPart, Pipeline pipeline, List<Item> items) {
        List<String> fps = new ArrayList<>();
        for (Item item : items) {
            fps.add(Fingerprint.of(runPart, OutputFolder.filesOf(pipeline, item)));
        }
        return fps;
    }

    /** One item under the batch policy: its failure becomes its record. */
    static ItemResult runOne(ItemRunner runner, Item item, String fp, BooleanSupplier cancel) {
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
        return ItemResult.failed(item, exit, reason, (System.nanoTime() - start) / 1_000_000, fp);
    }

    /** One item under the batch policy within {@code timeout} ({@link ItemTimeout}), or without a limit if null. */
    static ItemResult runOne(ItemRunner runner, Item item, String fp, BooleanSupplier cancel, Duration timeout) {
        if (timeout == null) {
            return runOne(runner, item, fp, cancel);
        }
        return ItemTimeout.run(timeout, item, fp, expired -> runOne(runner, item, fp,
                () -> cancel.getAsBoolean() || expired.getAsBoolean()));
    }

    /**
     * Ends a batch: its result from every item's record in input order, and the summary, totals and report written
     * beside the records.
     */
    static BatchResult summarize(Pipeline pipeline, List<Item> items, List<ItemResult> all, int computed,
            int skipped, boolean cancelled, Path outDir) throws LoupeException {
        int failed = (int) all.stream().filter(r -> !r.ok()).count();
        BatchResult result = new BatchResult(all, computed, skipped, failed, cancelled,
                BatchDetections.score(pipeline, items, all).orElse(null));
        RunSummary.write(outDir, pipeline, result);
        return result;
    }
}
