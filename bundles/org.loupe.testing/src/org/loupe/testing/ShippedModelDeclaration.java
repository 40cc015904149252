package org.loupe.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.loupe.api.LoupeService;
import org.loupe.api.ProviderDescriptor;

/**
 * Checks that a learned provider declares ({@code @LoupeProvider(model = ...)}) exactly the versions of the models
 * it ships, so that retrained weights cannot ship under the old declaration and outputs always name what made them.
 */
public final class ShippedModelDeclaration {

    private ShippedModelDeclaration() {
    }

    /**
     * Asserts the declaration against the model files, given as resources of the provider's bundle: a SavedModel's
     * {@code loupe-model.json} (its {@code id} and {@code version}) or an {@code srq.json} (its {@code id} and the
     * {@code training.finished} time that is its version).
     */
    public static void assertDeclared(Class<? extends LoupeService> provider, String... modelFiles) throws IOException {
        List<String> shipped = new ArrayList<>();
        for (String resource : modelFiles) {
            try (InputStream in = provider.getResourceAsStream(resource)) {
                assertNotNull(in, "the bundle ships " + resource);
                JsonObject o;
                try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    o = JsonParser.parseReader(r).getAsJsonObject();
                }
                String version = o.has("version") ? o.get("version").getAsString()
                        : o.getAsJsonObject("training").get("finished").getAsString();
                shipped.add(o.get("id").getAsString() + " " + version);
            }
        }
        assertEquals(String.join(", ", shipped), ProviderDescriptor.declaredBy(provider).model(),
                "a retrained model needs a new declaration: @LoupeProvider(model = ...) of " + provider.getName());
    }
}
