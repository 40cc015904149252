package org.loupe.pipeline;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.TreeMap;

/**
 * Writes a pipeline in the file format {@link PipelineReader} reads (docs/PIPELINES.md), every setting explicit, so
 * a job put together elsewhere (a workbench session) can be saved, shared and run again by {@code loupe run}.
 */
public final class PipelineWriter {

    private PipelineWriter() {
    }

    /** The pipeline as the text of a pipeline file. */
    public static String toJson(Pipeline pipeline) {
        JsonObject root = new JsonObject();
        root.addProperty("name", pipeline.name());
        JsonObject input = new JsonObject();
        input.addProperty("match", pipeline.match().text());
        JsonArray paths = new JsonArray();
        pipeline.paths().forEach(paths::add);
        input.add("paths", paths);
        root.add("input", input);
        JsonArray steps = new JsonArray();
        pipeline.steps().forEach(s -> steps.add(step(s)));
        root.add("steps", steps);
        JsonObject output = new JsonObject();
        if (pipeline.format() != null) {
            output.addProperty("format", pipeline.format());
        }
        output.addProperty("images", pipeline.images());
        root.add("output", output);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    private static JsonObject step(Step s) {
        JsonObject o = new JsonObject();
        o.addProperty(s.kind(), s.provider());
        JsonObject params = new JsonObject();
        new TreeMap<>(s.params()).forEach(params::addProperty);
        o.add("params", params);
        if (s instanceof Step.Detect d) {
            reference(o, d.reference());
            o.addProperty("scoreThreshold", d.scoreThreshold());
            if (d.truth() != null) {
                o.addProperty("truth", d.truth().text());
            }
        } else if (s instanceof Step.Classify c) {
            reference(o, c.reference());
            o.addProperty("patch", c.patch());
        } else if (s instanceof Step.Measure m) {
            reference(o, m.reference());
        }
        return o;
    }

    private static void reference(JsonObject o, NameRule rule) {
        if (rule != null) {
            o.addProperty("reference", rule.text());
        }
    }
}
