package org.loupe.pipeline;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.loupe.api.DefectClassifier;
import org.loupe.api.DefectDetector;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.ImageMetric;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.Segmenter;
import org.loupe.image.io.ImageFormat;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;

/**
 * Reads a pipeline file ({@code docs/pipeline.schema.json} describes it) and refuses, before any work, anything that
 * would fail later: unknown keys, wrong types, unknown providers and parameters, each as a usage error naming its JSON
 * path ({@code steps[1].params.size: ...}).
 */
public final class PipelineReader {

    private static final Set<String> TOP = Set.of("name", "input", "steps", "output", "$schema");
    private static final Set<String> KINDS = Set.of("enhance", "detect", "classify", "measure", "segment",
            "lesions");
    /** Step kinds that take volumes, and the ones that take images only. */
    private static final Set<String> VOLUME_KINDS = Set.of("enhance", "segment", "lesions");

    private final ProviderRegistry registry;

    /** A reader that checks providers against {@code registry}. */
    public PipelineReader(ProviderRegistry registry) {
        this.registry = registry;
    }

    /**
     * Reads and checks a pipeline file.
     *
     * @throws LoupeException INPUT if the file cannot be read or is not JSON, USAGE naming the JSON path of the first
     *                        problem, PROVIDER if a named provider cannot be asked for its parameters
     */
    public Pipeline read(Path file) throws LoupeException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw LoupeException.badInput(file.toString(), "no such file");
        } catch (IOException e) {
            throw LoupeException.badInput(file.toString(), "cannot be read (" + e.getMessage() + ")", e);
        }
        Pipeline p = parse(file.toString(), text);
        Path base = file.toAbsolutePath().getParent();
        return new Pipeline(p.name(), p.match(), p.paths().stream().map(s -> base.resolve(s).normalize().toString())
                .toList(), p.steps(), p.format(), p.images(), p.source(), p.volumes());
    }

    /** Reads and checks a pipeline from its text; {@code subject} names it in messages. */
    public Pipeline parse(String subject, String text) throws LoupeException {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw LoupeException.badInput(subject, "is not valid JSON (" + e.getMessage() + ")");
        }
        JsonObject top = object(root, "$", subject);
        keys(top, "$", TOP, subject);
        String name = top.has("name") ? string(top.get("name"), "name", subject) : subject;
        NameRule match = NameRule.ANY_IMAGE;
        List<String> paths = new ArrayList<>();
        boolean volumes = false;
        if (top.has("input")) {
            JsonObject input = object(top.get("input"), "input", subject);
            keys(input, "input", Set.of("match", "paths", "volumes"), subject);
            if (input.has("volumes")) {
                volumes = bool(input.get("volumes"), "input.volumes", subject);
            }
            if (input.has("match")) {
                match = rule(input.get("match"), "input.match", subject);
            }
            if (input.has("paths")) {
                if (!input.get("paths").isJsonArray()) {
                    throw usage(subject, "input.paths", "must be an array of folders, globs or list files");
                }
                for (int i = 0; i < input.getAsJsonArray("paths").size(); i++) {
                    paths.add(string(input.getAsJsonArray("paths").get(i), "input.paths[" + i + "]", subject));
                }
            }
        }
        if (!top.has("steps")) {
            throw usage(subject, "steps", "missing (a pipeline needs at least one step)");
        }
        if (!top.get("steps").isJsonArray() || top.getAsJsonArray("steps").isEmpty()) {
            throw usage(subject, "steps", "must be a non-empty array of steps");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < top.getAsJsonArray("steps").size(); i++) {
            Step step = step(top.getAsJsonArray("steps").get(i), "steps[" + i + "]", subject);
            if (volumes != VOLUME_KINDS.contains(step.kind()) && !step.kind().equals("enhance")) {
                throw usage(subject, "steps[" + i + "]", volumes ? "a " + step.kind() + " step takes images, and this "
                        + "pipeline's inputs are volumes (input.volumes); volume pipelines take enhance, segment and "
                        + "lesions steps" : "a " + step.kind() + " step takes volumes: set \"volumes\": true in input");
            }
            if (step instanceof Step.Lesions && steps.stream().noneMatch(s -> s instanceof Step.Segment)) {
                throw usage(subject, "steps[" + i + "]", "a lesions step looks for lesions inside the liver a segment "
                        + "step found: put one (e.g. segment.liver.em) before it");
            }
            if (step instanceof Step.Detect && steps.stream().anyMatch(s -> s instanceof Step.Detect)) {
                // its detections are saved as NAME.txt, the file DeepPCB's evaluation reads
                throw usage(subject, "steps[" + i + "]", "a pipeline has at most one detect step");
            }
            steps.add(step);
        }
        String format = null;
        boolean images = true;
        if (top.has("output")) {
            JsonObject output = object(top.get("output"), "output", subject);
            keys(output, "output", Set.of("format", "images"), subject);
            if (output.has("format")) {
                format = string(output.get("format"), "output.format", subject);
                if (ImageFormat.fromFileName("x." + format).isEmpty()) {
                    throw usage(subject, "output.format", "'" + format + "' is not a format Loupe writes (png, tif, "
                            + "bmp, jpg, pgm, ppm)");
                }
            }
            if (output.has("images")) {
                images = bool(output.get("images"), "output.images", subject);
            }
        }
        return new Pipeline(name, match, paths, steps, format, images, text, volumes);
    }

    private Step step(JsonElement element, String path, String subject) throws LoupeException {
        JsonObject o = object(element, path, subject);
        List<String> kinds = o.keySet().stream().filter(KINDS::contains).toList();
        if (kinds.size() != 1) {
            throw usage(subject, path, "a step names exactly one of enhance, detect, classify, measure, segment or "
                    + "lesions (with the provider id), found " + (kinds.isEmpty() ? "none" : String.join(" and ", kinds)));
        }
        String kind = kinds.get(0);
        String id = string(o.get(kind), path + "." + kind, subject);
        Map<String, String> params = new LinkedHashMap<>();
        if (o.has("params")) {
            for (Map.Entry<String, JsonElement> e : object(o.get("params"), path + ".params", subject).entrySet()) {
                params.put(e.getKey(), scalar(e.getValue(), path + ".params." + e.getKey(), subject));
            }
        }
        switch (kind) {
            case "enhance" -> {
                keys(o, path, Set.of("enhance", "params"), subject);
                check(ImageEnhancer.class, id, params, path, subject);
                return new Step.Enhance(id, params);
            }
            case "detect" -> {
                keys(o, path, Set.of("detect", "params", "reference", "scoreThreshold", "truth"), subject);
                check(DefectDetector.class, id, params, path, subject);
                double threshold = o.has("scoreThreshold") ? number(o.get("scoreThreshold"), path
                        + ".scoreThreshold", subject) : 0.5;
                if (!(threshold >= 0 && threshold <= 1)) {
                    throw usage(subject, path + ".scoreThreshold", "must be in [0, 1], got " + threshold);
                }
                NameRule reference = o.has("reference") ? rule(o.get("reference"), path + ".reference", subject)
                        : null;
                NameRule truth = o.has("truth") ? rule(o.get("truth"), path + ".truth", subject) : null;
                return new Step.Detect(id, params, reference, threshold, truth);
            }
            case "classify" -> {
                keys(o, path, Set.of("classify", "params", "reference", "patch"), subject);
                check(DefectClassifier.class, id, params, path, subject);
                if (!o.has("patch")) {
                    throw usage(subject, path + ".patch", "missing (the side of the square patches, in pixels, e.g. "
                            + "64 for classify.siamese)");
                }
                double side = number(o.get("patch"), path + ".patch", subject);
                if (side != Math.rint(side) || side < 1 || side > 4096) {
                    throw usage(subject, path + ".patch", "must be a whole number of pixels in [1, 4096], got "
                            + side);
                }
                NameRule reference = o.has("reference") ? rule(o.get("reference"), path + ".reference", subject)
                        : null;
                return new Step.Classify(id, params, reference, (int) side);
            }
            case "segment" -> {
                keys(o, path, Set.of("segment", "params", "truth", "source"), subject);
                check(Segmenter.class, id, params, path, subject);
                String source = o.has("source") ? string(o.get("source"), path + ".source", subject) : "current";
                if (!source.equals("current") && !source.equals("input")) {
                    throw usage(subject, path + ".source", "must be \"current\" (the volume as the steps before "
                            + "left it) or \"input\" (as read), got '" + source + "'");
                }
                return new Step.Segment(id, params, o.has("truth") ? rule(o.get("truth"), path + ".truth", subject)
                        : null, source.equals("input"));
            }
            case "lesions" -> {
                keys(o, path, Set.of("lesions", "params", "truth", "lesionMap"), subject);
                check(DefectClassifier.class, id, params, path, subject);
                NameRule truth = o.has("truth") ? rule(o.get("truth"), path + ".truth", subject) : null;
                NameRule map = o.has("lesionMap") ? rule(o.get("lesionMap"), path + ".lesionMap", subject) : null;
                if ((truth == null) != (map == null)) {
                    throw usage(subject, path, "truth (the case description) and lesionMap (its lesion-id label map) "
                            + "go together");
                }
                return new Step.Lesions(id, params, truth, map);
            }
            default -> {
                keys(o, path, Set.of("measure", "params", "reference"), subject);
                check(ImageMetric.class, id, params, path, subject);
                if (!o.has("reference")) {
                    throw usage(subject, path + ".reference", "missing (a metric compares the image with a "
                            + "reference, e.g. \"../clean/{file}\")");
                }
                return new Step.Measure(id, params, rule(o.get("reference"), path + ".reference", subject));
            }
        }
    }

    /** The provider must exist as that kind, and every parameter must bind. */
    private <S extends LoupeService> void check(Class<S> contract, String id, Map<String, String> params, String path,
            String subject) throws LoupeException {
        ProviderHandle<S> handle;
        try {
            handle = registry.provider(id, contract);
        } catch (LoupeException e) {
            throw usage(subject, path, e.getMessage());
        }
        var specs = handle.call(LoupeService::parameters);
        for (Map.Entry<String, String> p : params.entrySet()) {
            try {
                Parameters.bind(specs, Map.of(p.getKey(), p.getValue()));
            } catch (LoupeException e) {
                throw usage(subject, path + ".params." + p.getKey(), e.getMessage());
            }
        }
        try {
            Parameters.bind(specs, params);
        } catch (LoupeException e) {
            throw usage(subject, path + ".params", e.getMessage());
        }
    }

    private static NameRule rule(JsonElement e, String path, String subject) throws LoupeException {
        try {
            return new NameRule(string(e, path, subject));
        } catch (IllegalArgumentException x) {
            throw usage(subject, path, x.getMessage());
        }
    }

    private static void keys(JsonObject o, String path, Set<String> allowed, String subject) throws LoupeException {
        for (String k : o.keySet()) {
            if (!allowed.contains(k)) {
                throw usage(subject, path.equals("$") ? k : path + "." + k, "unknown key (known here: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static JsonObject object(JsonElement e, String path, String subject) throws LoupeException {
        if (!e.isJsonObject()) {
            throw usage(subject, path, "must be an object");
        }
        return e.getAsJsonObject();
    }

    private static String string(JsonElement e, String path, String subject) throws LoupeException {
        if (!(e instanceof JsonPrimitive p) || !p.isString()) {
            throw usage(subject, path, "must be a string");
        }
        return p.getAsString();
    }

    private static double number(JsonElement e, String path, String subject) throws LoupeException {
        if (!(e instanceof JsonPrimitive p) || !p.isNumber()) {
            throw usage(subject, path, "must be a number");
        }
        return p.getAsDouble();
    }

    private static boolean bool(JsonElement e, String path, String subject) throws LoupeException {
        if (!(e instanceof JsonPrimitive p) || !p.isBoolean()) {
            throw usage(subject, path, "must be true or false");
        }
        return p.getAsBoolean();
    }

    /** A parameter value: a string, number or boolean, as the command line's {@code -p KEY=VALUE} would give it. */
    private static String scalar(JsonElement e, String path, String subject) throws LoupeException {
        if (!(e instanceof JsonPrimitive p)) {
            throw usage(subject, path, "must be a string, number or boolean");
        }
        if (p.isNumber()) {
            double d = p.getAsDouble();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : p.getAsString();
        }
        return p.getAsString();
    }

    private static LoupeException usage(String subject, String path, String problem) {
        return LoupeException.usage(subject + ": " + path + ": " + problem);
    }
}
