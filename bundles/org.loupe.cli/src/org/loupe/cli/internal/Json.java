package org.loupe.cli.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loupe.api.ParameterSpec;
import org.loupe.api.ProviderDescriptor;
import org.loupe.image.ImageType;
import org.loupe.registry.ProviderStatus;

/** The JSON shapes the command line prints with {@code --json}: stable field names, UTF-8, no HTML escaping. */
final class Json {

    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    /** One object per line (JSON Lines), for streams of records such as training progress. */
    static final Gson LINE = new GsonBuilder().disableHtmlEscaping().serializeSpecialFloatingPointValues().create();

    private Json() {
    }

    static Map<String, Object> provider(ProviderStatus status) {
        ProviderDescriptor d = status.descriptor();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("kind", d.kind().label());
        m.put("name", d.name());
        m.put("version", d.version());
        m.put("model", d.model());
        m.put("description", d.description());
        m.put("inputTypes", d.inputTypes().stream().map(ImageType::toString).toList());
        m.put("accelerator", d.accelerator().name());
        m.put("bundle", d.bundle());
        m.put("bundleVersion", d.bundleVersion());
        m.put("ranking", d.ranking());
        m.put("health", status.health().name());
        m.put("failure", status.failure());
        return m;
    }

    static List<Map<String, Object>> parameters(List<ParameterSpec> specs) {
        return specs.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", s.key());
            m.put("type", s.type().name());
            m.put("default", s.defaultValue());
            m.put("range", s.range());
            m.put("description", s.description());
            return m;
        }).toList();
    }
}
