package org.loupe.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.loupe.api.LoupeException;
import org.loupe.image.io.ReadOptions;
import org.loupe.pipeline.internal.ItemRunner;
import org.loupe.pipeline.internal.OutputFolder;
import org.loupe.pipeline.internal.RunRecords;
import org.loupe.registry.ProviderRegistry;

/**
 * A pipeline run whose items are computed by other processes, possibly on other machines (Spark executors), under
 * {@link BatchRunner}'s policy. The process that starts the run plans it (checks the output folder, fingerprints each
 * item, leaves out the items an earlier run completed); any process with the same providers computes the tasks, each
 * failure becoming the item's record; and the starting process finishes the run from the records it gathered: they
 * are appended to {@code results.jsonl} in input order and the summary and report are written as a local run writes
 * them. The output folder must be one folder that every process sees.
 */
public final class SplitRun {

    /**
     * One item to compute.
     *
     * @param item        the input
     * @param fingerprint what its record will carry, computed where the run was planned
     */
    public record Task(Item item, String fingerprint) {
    }

    /**
     * A planned run.
     *
     * @param identity what identifies the run besides the items' files: the pipeline and its providers' versions; a
     *                 process computing tasks must see the same ({@link #requireSame})
     * @param items    every item, in input order
     * @param tasks    the items to compute, in input order
     * @param current  per item, the record of an earlier run that completed it (so it is not computed), else null
     */
    public record Plan(String identity, List<Item> items, List<Task> tasks, List<ItemResult> current) {
        /** Copies the lists (current may hold nulls). */
        public Plan {
            items = List.copyOf(items);
            tasks = List.copyOf(tasks);
            current = new ArrayList<>(current);
        }
    }

    private final ProviderRegistry registry;
    private final ReadOptions readOptions;

    /** A split run taking providers from {@code registry} and reading images with {@code readOptions}. */
    public SplitRun(ProviderRegistry registry, ReadOptions readOptions) {
        this.registry = registry;
        this.readOptions = readOptions;
    }

    /**
     * Plans a run of the pipeline over the items into {@code outDir}. The folder's records file is created now, so
     * that a run cut off before it finishes is still recognised as a run by the next one.
     *
     * @throws LoupeException USAGE if the output folder cannot be used, as {@link BatchRunner#run} does
     */
    public Plan plan(Pipeline pipeline, List<Item> items, Path outDir, boolean overwrite) throws LoupeException {
        OutputFolder.check(outDir, items, pipeline, overwrite);
        String identity = identity(pipeline);
        List<String> fingerprints = BatchRunner.fingerprints(identity, pipeline, items);
        List<ItemResult> current = BatchRunner.current(items, fingerprints, outDir);
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (current.get(i) == null) {
                tasks.add(new Task(items.get(i), fingerprints.get(i)));
            }
        }
        RunRecords.open(outDir).close();
        return new Plan(identity, items, tasks, current);
    }

    /** An output folder held against other runs until closed. */
    public interface Hold extends AutoCloseable {
        /** Lets go of the folder. */
        @Override
        void close() throws LoupeException;
    }

    /**
     * Holds an output folder against other runs until closed, as a local run holds it while it runs: the process
     * that planned a split run holds it while the tasks are computed elsewhere, and lets go just before
     * {@link #finish}.
     *
     * @throws LoupeException USAGE if another run holds it
     */
    public static Hold hold(Path outDir) throws LoupeException {
        return RunRecords.open(outDir)::close;
    }

    /** The pipeline and the versions of its providers in this process, one per line. */
    public String identity(Pipeline pipeline) throws LoupeException {
        return OutputFolder.identity(pipeline, registry);
    }

    /** The providers of the pipeline's steps in this process, {@code id@version} each. */
    public List<String> providers(Pipeline pipeline) throws LoupeException {
        return OutputFolder.providers(pipeline, registry);
    }

    /**
     * Refuses to compute tasks in a process whose providers differ from those of the process that planned the run (a
     * worker with another plugin version installed would write outputs that the records do not describe).
     *
     * @throws LoupeException PROVIDER naming the first line that differs
     */
    public void requireSame(Pipeline pipeline, String planned) throws LoupeException {
        String here = identity(pipeline);
        if (here.equals(planned)) {
            return;
        }
        String[] a = planned.split("\n", -1);
        String[] b = here.split("\n", -1);
        int i = 0;
        while (i < Math.min(a.length, b.length) && a[i].equals(b[i])) {
            i++;
        }
        String want = i < a.length ? a[i] : "(nothing)";
        String have = i < b.length ? b[i] : "(nothing)";
        throw new LoupeException(LoupeException.Reason.PROVIDER, "this process has other providers than the one that "
                + "planned the run: it has " + have + " where the run was planned with " + want);
    }

    /**
     * Computes one task under the batch policy: a bad input or a failing provider becomes the item's failed record.
     */
    public ItemResult run(Pipeline pipeline, Task task, Path outDir, BooleanSupplier cancel) {
        return run(pipeline, task, outDir, cancel, null);
    }

    /**
     * Computes one task under the batch policy within a time limit ({@code loupe run --timeout}); null for none.
     */
    public ItemResult run(Pipeline pipeline, Task task, Path outDir, BooleanSupplier cancel, Duration timeout) {
        return BatchRunner.runOne(new ItemRunner(pipeline, registry, readOptions, outDir), task.item(),
                task.fingerprint(), cancel, timeout);
    }

    /** A failed record for a task that could not be computed at all (the computing process refused it). */
    public static ItemResult failed(Task task, LoupeException why) {
        return ItemResult.failed(task.item(), why.reason().exitCode(), why.getMessage(), 0, task.fingerprint());
    }

    /**
     * Ends the run where it was planned: appends the records of the computed items to {@code results.jsonl} in input
     * order, then writes the summary, totals and report as {@link BatchRunner} does.
     *
     * @param computed  the records gathered from the tasks; a task without one (a job cut short) is left for a rerun
     * @param cancelled whether the run was stopped before every task ran
     * @throws LoupeException INPUT if the records or the summary cannot be written
     */
    public BatchResult finish(Pipeline pipeline, Plan plan, Path outDir, List<ItemResult> computed,
            boolean cancelled) throws LoupeException {
        Map<String, ItemResult> byInput = new HashMap<>();
        computed.forEach(r -> byInput.put(r.input(), r));
        List<ItemResult> all = new ArrayList<>();
        int done = 0;
        try (RunRecords records = RunRecords.open(outDir)) {
            for (int i = 0; i < plan.items().size(); i++) {
                ItemResult earlier = plan.current().get(i);
                ItemResult now = byInput.get(plan.items().get(i).file().toString());
                if (earlier == null && now != null) {
                    records.append(now);
                    done++;
                }
                ItemResult r = earlier != null ? earlier : now;
                if (r != null) {
                    all.add(r);
                }
            }
        }
        int skipped = (int) plan.current().stream().filter(Objects::nonNull).count();
        return BatchRunner.summarize(pipeline, plan.items(), all, done, skipped, cancelled, outDir);
    }

    /** A record as one line of {@code results.jsonl}, the form in which records cross processes. */
    public static String toLine(ItemResult r) {
        return RunRecords.toLine(r);
    }

    /** A record from one line of {@code results.jsonl}. */
    public static ItemResult fromLine(String line) {
        return RunRecords.fromLine(line);
    }
}
