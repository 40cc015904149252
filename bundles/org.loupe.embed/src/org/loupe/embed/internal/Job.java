package org.loupe.embed.internal;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.loupe.api.LoupeException;
import org.loupe.image.io.ReadOptions;
import org.loupe.pipeline.DetectorChoice;
import org.loupe.pipeline.ItemResult;
import org.loupe.pipeline.Pipeline;
import org.loupe.pipeline.PipelineReader;
import org.loupe.pipeline.SplitRun;
import org.loupe.registry.ProviderRegistry;

/**
 * A planned run as a computing process sees it: the pipeline read from the planner's text, pointed at the shipped
 * model folders and settled as the planner settled it, then checked against the planner's providers. Prepared once
 * per process and kept, so that every task of the run uses the same provider instances and their loaded models.
 */
final class Job {

    private final Pipeline pipeline;
    private final SplitRun split;
    private final Path out;
    private final LoupeException refused;
    private final Duration timeout;

    private Job(Pipeline pipeline, SplitRun split, Path out, LoupeException refused, Duration timeout) {
        this.pipeline = pipeline;
        this.split = split;
        this.out = out;
        this.refused = refused;
        this.timeout = timeout;
    }

    /** The job described by {@code job} (from the planner's answer); {@code files} holds shipped models, or null. */
    static Job prepare(ProviderRegistry registry, JsonObject job, Path files) {
        SplitRun split = new SplitRun(registry, new ReadOptions(job.get("maxPixels").getAsLong()));
        Path out = Path.of(job.get("out").getAsString());
        Duration timeout = job.has("timeoutMillis") ? Duration.ofMillis(job.get("timeoutMillis").getAsLong()) : null;
        try {
            Pipeline read = new PipelineReader(registry).parse(job.get("subject").getAsString(),
                    job.get("source").getAsString());
            Map<String, String> shipped = new LinkedHashMap<>();
            job.getAsJsonObject("models").entrySet().forEach(e -> shipped.put(e.getKey(),
                    e.getValue().getAsString()));
            // the planner's warnings were shown where the run started; here they would be repeated per process
            Pipeline settled = DetectorChoice.settle(ModelFolders.relocated(read, shipped, files), registry,
                    job.get("fallback").getAsBoolean(), w -> { });
            split.requireSame(settled, job.get("identity").getAsString());
            return new Job(settled, split, out, null, timeout);
        } catch (LoupeException e) {
            return new Job(null, split, out, e, timeout);
        }
    }

    /** Computes one task; a process that cannot run the job records why for each of its tasks. */
    ItemResult run(SplitRun.Task task) {
        if (refused != null) {
            return SplitRun.failed(task, refused);
        }
        return split.run(pipeline, task, out, () -> false, timeout);
    }
}
