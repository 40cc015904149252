package org.loupe.registry;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.loupe.api.Parameters;
import org.loupe.api.ProviderDescriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The training record of a provider's shipped models, as the provider's bundle ships it: each model file under
 * {@code models/} ({@code loupe-model.json} or {@code srq.json}) whose id and version the provider declares
 * ({@code @LoupeProvider(model = ...)}) tells how it was trained (command, trainer, data, steps, time) and what it
 * scored on validation. The command line's {@code describe} and the workbench's provider details show it.
 */
public final class ModelRecords {

    private ModelRecords() {
    }

    /** The record in lines, one block per declared model; empty for a provider without a shipped model. */
    public static List<String> of(ProviderDescriptor provider) {
        if (provider.model().isEmpty()) {
            return List.of();
        }
        List<String> declared = Arrays.stream(provider.model().split(",")).map(String::strip).toList();
        List<String> lines = new ArrayList<>();
        for (JsonObject model : shipped(provider)) {
            String id = text(model.get("id"));
            JsonObject training = model.has("training") && model.get("training").isJsonObject()
                    ? model.getAsJsonObject("training") : new JsonObject();
            String version = model.has("version") ? text(model.get("version")) : text(training.get("finished"));
            if (!declared.contains(id + " " + version)) {
                continue;
            }
            lines.add("Model " + id + " " + version + (model.has("description") ? ": " + text(model.get(
                    "description")) : ""));
            training.entrySet().forEach(e -> lines.add("  " + e.getKey() + ": " + text(e.getValue())));
            if (model.has("scores") && model.get("scores").isJsonObject()) {
                lines.add("  scores:");
                model.getAsJsonObject("scores").entrySet().forEach(e -> lines.add("    " + e.getKey() + ": "
                        + text(e.getValue())));
            }
        }
        return lines;
    }

    /**
     * The model a run with these parameters uses, as outputs name it: the folder given as {@code model}, with the id
     * and version its {@code loupe-model.json} names when it can be read, or else the shipped models the provider
     * declares (empty for a provider without one).
     */
    public static String inUse(ProviderDescriptor provider, Parameters parameters) {
        String folder = parameters.asText().getOrDefault("model", "");
        if (folder.isBlank()) {
            return provider.model();
        }
        Path sidecar = Path.of(folder).resolve("loupe-model.json");
        try (Reader in = Files.newBufferedReader(sidecar, StandardCharsets.UTF_8)) {
            JsonObject model = JsonParser.parseReader(in).getAsJsonObject();
            return text(model.get("id")) + " " + text(model.get("version")) + " (" + folder + ")";
        } catch (IOException | RuntimeException e) {
            // the provider reports what is wrong with the folder when it loads it; here it is only named
            return folder;
        }
    }

    /** The model files of the provider's bundle, read as JSON; none outside OSGi or if the bundle is gone. */
    private static List<JsonObject> shipped(ProviderDescriptor provider) {
        Bundle self = FrameworkUtil.getBundle(ModelRecords.class);
        if (self == null || self.getBundleContext() == null) {
            return List.of();
        }
        List<JsonObject> out = new ArrayList<>();
        for (Bundle b : self.getBundleContext().getBundles()) {
            if (!b.getSymbolicName().equals(provider.bundle()) || !b.getVersion().toString().equals(
                    provider.bundleVersion())) {
                continue;
            }
            for (URL entry : Collections.list(orEmpty(b.findEntries("models", "*.json", true)))) {
                try (Reader in = new InputStreamReader(entry.openStream(), StandardCharsets.UTF_8)) {
                    JsonElement e = JsonParser.parseReader(in);
                    if (e.isJsonObject() && e.getAsJsonObject().has("id")) {
                        out.add(e.getAsJsonObject());
                    }
                } catch (IOException | RuntimeException e) {
                    // a file that is not a model record is not part of the record
                }
            }
        }
        return out;
    }

    private static Enumeration<URL> orEmpty(Enumeration<URL> entries) {
        return entries == null ? Collections.emptyEnumeration() : entries;
    }

    /** A value as a person reads it: numbers to four significant digits, lists and maps on one line. */
    private static String text(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return "";
        }
        if (value.isJsonPrimitive()) {
            if (value.getAsJsonPrimitive().isNumber()) {
                double d = value.getAsDouble();
                return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
                        : String.format(Locale.ROOT, "%.4g", d);
            }
            return value.getAsString();
        }
        if (value.isJsonArray()) {
            List<String> items = new ArrayList<>();
            value.getAsJsonArray().forEach(v -> items.add(text(v)));
            return String.join(", ", items);
        }
        return value.getAsJsonObject().entrySet().stream().map((Map.Entry<String, JsonElement> e) -> e.getKey() + "="
                + text(e.getValue())).collect(Collectors.joining(" "));
    }
}
