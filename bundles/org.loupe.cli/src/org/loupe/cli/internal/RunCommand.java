package org.loupe.cli.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.loupe.api.LoupeException;
import org.loupe.pipeline.BatchResult;
import org.loupe.pipeline.BatchRunner;
import org.loupe.pipeline.DetectorChoice;
import org.loupe.pipeline.Inputs;
import org.loupe.pipeline.Item;
import org.loupe.pipeline.ItemResult;
import org.loupe.pipeline.Pipeline;
import org.loupe.pipeline.PipelineReader;
import org.loupe.pipeline.evaluation.DetectionReport;
import org.loupe.pipeline.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loupe run}: runs a pipeline file over a batch of inputs; the work is {@link BatchRunner}'s. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a pipeline file (docs/PIPELINES.md) over "
        + "folders, globs or list files of images. Exit 0 if every input is ok, 3 if some inputs were bad, 4 if a "
        + "provider failed on some; the other inputs are processed either way.")
final class RunCommand implements Callable<Integer> {

    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

    private final Session session;

    @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline file (JSON).")
    private Path file;

    @Option(names = "--input", paramLabel = "DIR|GLOB|LIST", description = "Inputs instead of the pipeline's own "
            + "input.paths; repeatable.")
    private List<String> inputs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: NAME-results beside the "
            + "current folder, NAME being the pipeline file's name). Rerunning into it skips inputs already done.")
    private Path out;

    @Option(names = "--dry-run", description = "Check the pipeline and the inputs, print the plan, do nothing.")
    private boolean dryRun;

    @Mixin
    private FailFastOption failFast;

    @Option(names = "--jobs", paramLabel = "N", description = "Inputs processed at once (default: the number of "
            + "processors, ${DEFAULT-VALUE}).")
    private int jobs = Runtime.getRuntime().availableProcessors();

    @Mixin
    private TimeoutOption timeout;

    @Option(names = "--json", description = "Print the run's totals as JSON at the end.")
    private boolean json;

    @Mixin
    private OverwriteOption overwrite;

    @Mixin
    private FallbackOption fallback;

    RunCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        if (jobs < 1) {
            throw LoupeException.usage("--jobs must be at least 1, got " + jobs);
        }
        Duration limit = timeout.limit();
        Pipeline pipeline = DetectorChoice.settle(new PipelineReader(session.registry()).read(file),
                session.registry(), !fallback.noFallback, w -> session.complain("warning: " + w));
        List<String> specs = inputs.isEmpty() ? pipeline.paths() : inputs;
        if (specs.isEmpty()) {
            throw LoupeException.usage(file + " names no input.paths: give --input DIR|GLOB|LIST");
        }
        List<Item> items = Inputs.expand(specs, pipeline.match(), pipeline.volumes());
        Path outDir = out != null ? out : Path.of(stem(file) + "-results");
        BatchRunner runner = new BatchRunner(session.registry(), session.readOptions());
        if (dryRun) {
            printPlan(pipeline, items, outDir, runner.current(pipeline, items, outDir));
            return 0;
        }
        BatchResult result = runner.run(pipeline, items, new BatchRunner.Options(outDir, failFast.failFast,
                overwrite.overwrite, jobs, limit), progress(), () -> false);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>(Map.of("out", outDir.toString(), "items",
                    result.items().size(), "computed", result.computed(), "skipped", result.skipped(), "failed",
                    result.failed(), "exitCode", result.exitCode()));
            if (result.detection() != null) {
                m.put("detection", result.detection().asMap());
            }
            session.out().println(Json.GSON.toJson(m));
        } else {
            session.out().printf(Locale.ROOT, "%d inputs: %d computed, %d already done, %d failed; results in %s%n",
                    result.items().size(), result.computed(), result.skipped(), result.failed(),
                    outDir.resolve("summary.csv"));
            DetectionReport d = result.detection();
            if (d != null) {
                session.out().printf(Locale.ROOT, "detection (DeepPCB protocol): mAP %.2f %%, F-score %.2f %% "
                        + "(TP %d, FP %d, FN %d) on %d inputs%s%n", 100 * d.map(), 100 * d.counts().f1(),
                        d.counts().truePositives(), d.counts().falsePositives(), d.counts().falseNegatives(),
                        d.images(), d.unprocessed().isEmpty() ? "" : "; " + d.unprocessed().size() + " could not "
                        + "be processed and count as all missed");
            }
        }
        return result.exitCode();
    }

    /** Failures as they happen, one line each; progress with the time left every two seconds. */
    private BatchRunner.Listener progress() {
        AtomicLong last = new AtomicLong(System.nanoTime());
        ResourceLog resources = ResourceLog.fromEnvironment();
        return new BatchRunner.Listener() {
            @Override
            public void started(int total, int toRun) {
                session.complain(String.format(Locale.ROOT, "running %s on %d inputs (%d already done)", file,
                        total, total - toRun));
            }

            @Override
            public void finished(ItemResult r, int done, int toRun, Duration left) {
                if (!r.ok()) {
                    session.complain(r.reason());
                }
                r.warnings().forEach(w -> session.complain("warning: " + w));
                if (resources != null) {
                    resources.finished(done);
                }
                long now = System.nanoTime();
                long before = last.get();
                if (done < toRun && now - before > PROGRESS_EVERY_NANOS && last.compareAndSet(before, now)) {
                    session.complain(String.format(Locale.ROOT, "%d/%d done, about %s left", done, toRun,
                            TrainingProgress.clock(left)));
                }
            }
        };
    }

    private void printPlan(Pipeline pipeline, List<Item> items, Path outDir, List<ItemResult> current) {
        session.out().println("pipeline " + pipeline.name() + " (" + file + ")");
        for (int i = 0; i < pipeline.steps().size(); i++) {
            Step s = pipeline.steps().get(i);
            session.out().printf("  steps[%d] %s %s %s%n", i, s.kind(), s.provider(), s.params());
        }
        long done = current.stream().filter(r -> r != null).count();
        session.out().printf(Locale.ROOT, "%d inputs (match '%s'), %d to compute, %d already done in %s%n",
                items.size(), pipeline.match().text(), items.size() - done, done, outDir);
        for (int i = 0; i < Math.min(items.size(), 5); i++) {
            session.out().printf("  %s  {name}=%s%s%n", Printable.of(items.get(i).file().toString()),
                    items.get(i).name(), current.get(i) != null ? "  (done)" : "");
        }
        if (items.size() > 5) {
            session.out().printf("  ... and %d more%n", items.size() - 5);
        }
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }
}
