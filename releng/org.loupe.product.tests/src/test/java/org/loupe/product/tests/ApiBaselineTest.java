package org.loupe.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The API baseline check refuses a breaking change to Loupe's API that comes without a major version bump. */
class ApiBaselineTest {

    @Test
    void removingAPublicMethodOfTheApiWithoutAMajorVersionFailsTheBuildAtTheBaselineCheck() throws Exception {
        Path root = Path.of(System.getProperty("loupe.launcher")).getParent();
        Path log = Files.createTempFile(Launcher.work(), "api-baseline", ".txt");
        Process p = new ProcessBuilder(root.resolve("tools/check-api-baseline.sh").toString()).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the check finished");
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("suggested version: 2.0.0"), out);
    }
}
