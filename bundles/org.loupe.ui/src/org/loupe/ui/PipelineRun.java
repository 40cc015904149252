package org.loupe.ui;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.ui.di.UISynchronize;
import org.loupe.api.LoupeException;
import org.loupe.image.io.ReadOptions;
import org.loupe.pipeline.BatchResult;
import org.loupe.pipeline.BatchRunner;
import org.loupe.pipeline.Inputs;
import org.loupe.pipeline.Item;
import org.loupe.pipeline.ItemResult;
import org.loupe.pipeline.Pipeline;
import org.loupe.pipeline.PipelineReader;
import org.loupe.registry.ProviderRegistry;

/**
 * The workbench's pipeline run: a pipeline file over a folder, as a cancellable background job running the same
 * {@link BatchRunner} as {@code loupe run}, with every finished input kept for the Results view. Listeners hear about
 * every change on the UI thread. One per workbench.
 */
@Creatable
@Singleton
public final class PipelineRun extends BackgroundRun {

    /** The id of the Results view in the application model. */
    public static final String PART_ID = "org.loupe.ui.part.results";

    private final ProviderRegistry registry;
    private final List<ItemResult> results = new CopyOnWriteArrayList<>();
    private volatile Pipeline pipeline;
    private volatile Path outDir;
    private volatile List<Item> items = List.of();

    /** Created by dependency injection. */
    @Inject
    public PipelineRun(UISynchronize sync, ProviderRegistry registry) {
        super(sync);
        this.registry = registry;
    }

    /** The results so far, one per input: those of the last run in input order once it has ended. */
    public List<ItemResult> results() {
        return List.copyOf(results);
    }

    /** The pipeline of the current or last run, or null. */
    public Pipeline pipeline() {
        return pipeline;
    }

    /** The inputs of the current or last run. */
    public List<Item> items() {
        return items;
    }

    /** Where the current or last run writes. */
    public Path outDir() {
        return outDir;
    }

    /**
     * Runs {@code file} over the inputs in the background: the given folder, or the pipeline's own input paths when
     * it is null. The returned job can be joined.
     */
    public synchronized Job start(Path file, Path inputFolder, Path out) {
        if (state() == State.RUNNING) {
            throw new IllegalStateException("a pipeline run is already going");
        }
        results.clear();
        outDir = out;
        return schedule("Pipeline " + file.getFileName(), "reading " + file, monitor -> {
            try {
                pipeline = new PipelineReader(registry).read(file);
                items = Inputs.expand(inputFolder == null ? pipeline.paths() : List.of(inputFolder.toString()),
                        pipeline.match(), pipeline.volumes());
                SubMonitor progress = SubMonitor.convert(monitor, items.size());
                set(State.RUNNING, "running " + pipeline.name() + " on " + items.size() + " inputs into " + out);
                BatchResult r = new BatchRunner(registry, ReadOptions.defaults()).run(pipeline, items,
                        new BatchRunner.Options(out, false, false, Runtime.getRuntime().availableProcessors()),
                        new BatchRunner.Listener() {
                            @Override
                            public void finished(ItemResult result, int done, int toRun,
                                    Duration left) {
                                results.add(result);
                                progress.worked(1);
                                changed();
                            }
                        }, monitor::isCanceled);
                results.clear();
                results.addAll(r.items());
                set(r.cancelled() ? State.CANCELLED : State.DONE, String.format(
                        "%d inputs: %d computed, %d already done, %d failed; results in %s", r.items().size(),
                        r.computed(), r.skipped(), r.failed(), out.resolve("summary.csv")));
            } catch (LoupeException e) {
                set(State.FAILED, e.getMessage());
            }
        });
    }
}
