package org.loupe.embed.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.loupe.api.LoupeException;
import org.loupe.image.io.ReadOptions;
import org.loupe.pipeline.BatchResult;
import org.loupe.pipeline.DetectorChoice;
import org.loupe.pipeline.Inputs;
import org.loupe.pipeline.Item;
import org.loupe.pipeline.ItemResult;
import org.loupe.pipeline.Pipeline;
import org.loupe.pipeline.PipelineReader;
import org.loupe.pipeline.SplitRun;
import org.loupe.registry.ProviderRegistry;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The pipeline layer for a program that embeds Loupe's framework (the Spark host): a {@code Function<String, String>}
 * service with {@code loupe.embed=pipeline}, whose type the host shares with the framework because it is the JDK's.
 * Requests and answers are JSON objects; {@code op} chooses:
 * <ul>
 * <li>{@code plan} ({@code pipeline}, {@code inputs}, {@code out}, {@code overwrite}, {@code fallback},
 * {@code maxPixels}, optionally {@code timeoutMillis} per item): plans a {@link SplitRun}; answers {@code plan} (an
 * id for {@code finish}), {@code job} (what a
 * computing process needs, passed back unchanged), {@code tasks}, {@code total}, {@code done}, {@code warnings} and
 * {@code models} (the model folders the steps read, to ship to the computing processes) and {@code providers}
 * ({@code id@version} per step);</li>
 * <li>{@code run} ({@code job}, {@code task}, {@code files}: the folder where the shipped model folders are, or
 * absent when every process sees the originals): computes one task; answers its record, one line of
 * {@code results.jsonl};</li>
 * <li>{@code finish} ({@code plan}, {@code records}, {@code cancelled}): writes the records and the summary where the
 * run was planned; answers the run's totals and {@code records}, every item's record in input order.</li>
 * </ul>
 * A failure to plan or finish answers {@code {"error": MESSAGE, "exit": CODE}}; a task never fails the call.
 */
@Component(service = Function.class, property = "loupe.embed=pipeline")
public final class PipelineBridge implements Function<String, String> {

    /** Scores may be NaN (no objects of a class), which JSON has no number for; it goes as the word NaN. */
    private static final Gson TOTALS = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    @Reference
    private ProviderRegistry registry;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, Planned> plans = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** A plan kept between {@code plan} and {@code finish}, in the process that made it. */
    private record Planned(Pipeline pipeline, SplitRun.Plan plan, Path out, ReadOptions options,
            SplitRun.Hold hold) {
    }

    @Override
    public String apply(String request) {
        JsonObject req = JsonParser.parseString(request).getAsJsonObject();
        try {
            return switch (req.get("op").getAsString()) {
                case "plan" -> plan(req).toString();
                case "run" -> run(req);
                case "finish" -> finish(req).toString();
                default -> error(LoupeException.usage("unknown operation " + req.get("op")));
            };
        } catch (LoupeException e) {
            return error(e);
        }
    }

    private JsonObject plan(JsonObject req) throws LoupeException {
        ReadOptions options = new ReadOptions(req.get("maxPixels").getAsLong());
        boolean fallback = req.get("fallback").getAsBoolean();
        Path file = Path.of(req.get("pipeline").getAsString()).toAbsolutePath();
        List<String> warnings = new ArrayList<>();
        Pipeline pipeline = DetectorChoice.settle(new PipelineReader(registry).read(file), registry, fallback,
                warnings::add);
        List<String> specs = new ArrayList<>();
        req.getAsJsonArray("inputs").forEach(e -> specs.add(absolute(e.getAsString())));
        if (specs.isEmpty()) {
            pipeline.paths().forEach(specs::add);
        }
        if (specs.isEmpty()) {
            throw LoupeException.usage(file + " names no input.paths: give --input DIR|GLOB|LIST|TABLE");
        }
        List<Item> items = Inputs.expand(specs, pipeline.match(), pipeline.volumes());
        Path out = Path.of(req.get("out").getAsString()).toAbsolutePath();
        SplitRun split = new SplitRun(registry, options);
        Map<String, String> models = ModelFolders.of(pipeline);
        SplitRun.Plan plan = split.plan(pipeline, items, out, req.get("overwrite").getAsBoolean());
        String id = Long.toString(ids.incrementAndGet());
        // held last, when nothing of the plan can fail any more: only finish lets go of it
        plans.put(id, new Planned(pipeline, plan, out, options, SplitRun.hold(out)));
        JsonObject job = new JsonObject();
        job.addProperty("subject", file.toString());
        job.addProperty("source", pipeline.source());
        job.addProperty("fallback", fallback);
        job.addProperty("identity", plan.identity());
        job.addProperty("out", out.toString());
        job.addProperty("maxPixels", options.maxPixels());
        if (req.has("timeoutMillis")) {
            job.addProperty("timeoutMillis", req.get("timeoutMillis").getAsLong());
        }
        JsonObject shipped = new JsonObject();
        models.forEach(shipped::addProperty);
        job.add("models", shipped);
        JsonObject answer = new JsonObject();
        answer.addProperty("plan", id);
        answer.add("job", job);
        JsonArray tasks = new JsonArray();
        for (SplitRun.Task t : plan.tasks()) {
            JsonObject o = new JsonObject();
            o.addProperty("file", t.item().file().toString());
            o.addProperty("name", t.item().name());
            o.addProperty("fingerprint", t.fingerprint());
            tasks.add(o);
        }
        answer.add("tasks", tasks);
        answer.addProperty("total", items.size());
        answer.addProperty("done", items.size() - plan.tasks().size());
        answer.add("warnings", strings(warnings));
        answer.add("models", strings(new ArrayList<>(models.keySet())));
        answer.add("providers", strings(split.providers(pipeline)));
        return answer;
    }

    private String run(JsonObject req) {
        JsonObject t = req.getAsJsonObject("task");
        SplitRun.Task task = new SplitRun.Task(new Item(Path.of(t.get("file").getAsString()),
                t.get("name").getAsString()), t.get("fingerprint").getAsString());
        JsonElement files = req.get("files");
        String key = req.get("job").toString() + "\n" + (files == null || files.isJsonNull() ? "" : files);
        Job job = jobs.computeIfAbsent(key, k -> Job.prepare(registry, req.getAsJsonObject("job"),
                files == null || files.isJsonNull() ? null : Path.of(files.getAsString())));
        return SplitRun.toLine(job.run(task));
    }

    private JsonObject finish(JsonObject req) throws LoupeException {
        Planned p = plans.remove(req.get("plan").getAsString());
        if (p == null) {
            throw LoupeException.usage("no plan " + req.get("plan") + " in this process");
        }
        p.hold().close();
        List<ItemResult> records = new ArrayList<>();
        req.getAsJsonArray("records").forEach(e -> records.add(SplitRun.fromLine(e.getAsString())));
        BatchResult r = new SplitRun(registry, p.options()).finish(p.pipeline(), p.plan(), p.out(), records,
                req.get("cancelled").getAsBoolean());
        JsonObject answer = new JsonObject();
        answer.addProperty("items", r.items().size());
        answer.addProperty("computed", r.computed());
        answer.addProperty("skipped", r.skipped());
        answer.addProperty("failed", r.failed());
        answer.addProperty("exitCode", r.exitCode());
        if (r.detection() != null) {
            answer.add("detection", TOTALS.toJsonTree(r.detection().asMap()));
        }
        answer.add("records", strings(r.items().stream().map(SplitRun::toLine).toList()));
        return answer;
    }

    private static String absolute(String spec) {
        return Path.of(spec).isAbsolute() ? spec : Path.of("").toAbsolutePath().resolve(spec).toString();
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static String error(LoupeException e) {
        JsonObject o = new JsonObject();
        o.addProperty("error", e.getMessage());
        o.addProperty("exit", e.reason().exitCode());
        return o.toString();
    }
}
