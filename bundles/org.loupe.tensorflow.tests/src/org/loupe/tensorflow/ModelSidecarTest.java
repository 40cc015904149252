package org.loupe.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;

class ModelSidecarTest {

    @Test
    void theSidecarSurvivesAJsonRoundTrip(@TempDir Path dir) throws Exception {
        ModelSidecar s = new ModelSidecar("enhance.test", "3", "A model.", "x", "y", 1, 2, 128, 16,
                Map.of("command", "./loupe train enhance.test"), Map.of("Set5 x2 PSNR", 36.5));
        Files.writeString(dir.resolve(ModelSidecar.FILE_NAME), s.toJson());
        ModelSidecar back = ModelSidecar.read(dir);
        assertEquals(s, back);
    }

    @Test
    void aMissingOrMalformedSidecarIsBadInputNamingTheFile(@TempDir Path dir) throws Exception {
        LoupeException missing = assertThrows(LoupeException.class, () -> ModelSidecar.read(dir));
        assertEquals(LoupeException.Reason.INPUT, missing.reason());
        assertTrue(missing.getMessage().contains(ModelSidecar.FILE_NAME), missing.getMessage());
        Files.writeString(dir.resolve(ModelSidecar.FILE_NAME), "{\"id\": \"x\", ");
        assertEquals(LoupeException.Reason.INPUT,
                assertThrows(LoupeException.class, () -> ModelSidecar.read(dir)).reason());
        Files.writeString(dir.resolve(ModelSidecar.FILE_NAME), "{\"id\": \"x\", \"version\": \"1\", \"input\": \"a\","
                + " \"output\": \"b\", \"channels\": 0, \"upscale\": 1}");
        LoupeException invalid = assertThrows(LoupeException.class, () -> ModelSidecar.read(dir));
        assertTrue(invalid.getMessage().contains("not a valid model description"), invalid.getMessage());
    }
}
