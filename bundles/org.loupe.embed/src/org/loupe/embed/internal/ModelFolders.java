package org.loupe.embed.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loupe.api.LoupeException;
import org.loupe.pipeline.Pipeline;
import org.loupe.pipeline.Step;

/**
 * The model folders a pipeline's steps read (their {@code model} parameter, by the convention every learned provider
 * follows), so that a host can ship each once to the processes that compute, and those processes can read their
 * copies instead.
 */
final class ModelFolders {

    /** The parameter that names a model folder. */
    static final String KEY = "model";

    private ModelFolders() {
    }

    /**
     * Each model folder named by a step, as given, to the name its shipped copy has (its folder name).
     *
     * @throws LoupeException USAGE if two different folders have the same name (their copies would collide)
     */
    static Map<String, String> of(Pipeline pipeline) throws LoupeException {
        Map<String, String> shipped = new LinkedHashMap<>();
        Map<String, String> byName = new LinkedHashMap<>();
        for (Step s : pipeline.steps()) {
            String value = s.params().get(KEY);
            if (value == null || value.isBlank() || !Files.isDirectory(Path.of(value))) {
                continue;
            }
            String name = Path.of(value).toAbsolutePath().normalize().getFileName().toString();
            String other = byName.putIfAbsent(name, value);
            if (other != null && !Path.of(other).toAbsolutePath().normalize().equals(
                    Path.of(value).toAbsolutePath().normalize())) {
                throw LoupeException.usage("the model folders " + other + " and " + value + " have the same name; "
                        + "they are shipped to the workers by name: rename one");
            }
            shipped.put(value, name);
        }
        return shipped;
    }

    /** The pipeline reading the shipped copies in {@code files} instead of the folders named. */
    static Pipeline relocated(Pipeline pipeline, Map<String, String> shipped, Path files) {
        if (files == null || shipped.isEmpty()) {
            return pipeline;
        }
        List<Step> steps = new ArrayList<>();
        for (Step s : pipeline.steps()) {
            String name = shipped.get(s.params().get(KEY));
            if (name == null) {
                steps.add(s);
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>(s.params());
            params.put(KEY, files.resolve(name).toString());
            steps.add(s.withParams(params));
        }
        return pipeline.withSteps(steps);
    }
}
