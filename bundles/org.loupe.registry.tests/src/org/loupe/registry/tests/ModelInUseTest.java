package org.loupe.registry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.Accelerator;
import org.loupe.api.LoupeException;
import org.loupe.api.ParameterSpec;
import org.loupe.api.Parameters;
import org.loupe.api.ProviderDescriptor;
import org.loupe.api.ProviderKind;
import org.loupe.registry.ModelRecords;

/** Outputs name the model a run used: the folder the user gave, not the model the provider ships. */
class ModelInUseTest {

    private static final ProviderDescriptor SHIPPING = new ProviderDescriptor("detect.test", ProviderKind.DETECTOR,
            "Test", "1.0.0", "", List.of(), Accelerator.NONE, "b", "1.0.0", 0, "detect.test 2026-01-01T00:00:00Z");
    private static final List<ParameterSpec> SPECS = List.of(ParameterSpec.text("model", "", "A model folder."));

    @TempDir
    Path dir;

    @Test
    void withoutAModelFolderTheShippedModelIsNamed() throws LoupeException {
        assertEquals("detect.test 2026-01-01T00:00:00Z", ModelRecords.inUse(SHIPPING, Parameters.defaults(SPECS)));
    }

    @Test
    void aModelFolderIsNamedWithTheIdAndVersionItsSidecarGives() throws Exception {
        Files.writeString(dir.resolve("loupe-model.json"),
                "{\"id\": \"detect.test\", \"version\": \"2026-12-06T22:00Z\"}");
        assertEquals("detect.test 2026-12-06T22:00Z (" + dir + ")", ModelRecords.inUse(SHIPPING, Parameters.bind(
                SPECS, Map.of("model", dir.toString()))));
    }

    @Test
    void aFolderWithoutAReadableSidecarIsNamedByItsPathAlone() throws Exception {
        Files.writeString(dir.resolve("loupe-model.json"), "not json");
        assertEquals(dir.toString(), ModelRecords.inUse(SHIPPING, Parameters.bind(SPECS, Map.of("model",
                dir.toString()))));
    }
}
