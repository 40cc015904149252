package org.loupe.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.Classification;
import org.loupe.api.DefectClassifier;
import org.loupe.api.ImageEnhancer;
import org.loupe.image.ImageType;
import org.loupe.image.io.ImageFiles;
import org.loupe.testing.OsgiServices;
import org.loupe.testing.SyntheticImages;
import org.osgi.framework.ServiceRegistration;

/**
 * {@code --timeout} of the per-image commands: an image its provider takes too long on is one provider failure
 * (exit 4) with nothing written for it, and the other images are processed.
 */
class TimeoutOptionTest {

    @TempDir
    Path dir;

    private ServiceRegistration<ImageEnhancer> enhancer;
    private ServiceRegistration<DefectClassifier> classifier;

    /** Providers that hang on 17-pixel-wide images until asked to stop, as providers should. */
    @BeforeEach
    void registerSlowProviders() {
        enhancer = OsgiServices.register(ImageEnhancer.class, "test.hangs", (input, ctx) -> {
            while (input.width() == 17) {
                ctx.checkCancelled();
                Thread.onSpinWait();
            }
            return input.copy();
        }, "GRAY:UINT8:1");
        classifier = OsgiServices.register(DefectClassifier.class, "test.hangs", (DefectClassifier) (input, ref,
                ctx) -> {
            while (input.width() == 17) {
                ctx.checkCancelled();
                Thread.onSpinWait();
            }
            return new Classification("ok", 1, java.util.Map.of());
        }, "GRAY:UINT8:1");
    }

    @AfterEach
    void unregister() {
        enhancer.unregister();
        classifier.unregister();
    }

    private Path image(String name, int width) throws Exception {
        Path f = dir.resolve("in").resolve(name);
        ImageFiles.write(SyntheticImages.scene(ImageType.GRAY_U8, width, 12, width), f);
        return f;
    }

    @Test
    void enhanceGivesUpOnTheSlowImageWritesNothingForItAndDoesTheOthers() throws Exception {
        Path a = image("a.png", 16);
        Path slow = image("slow.png", 17);
        Path b = image("b.png", 18);
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("enhance", "--with", "test.hangs", a.toString(), slow.toString(), b.toString(),
                "--out", out.toString(), "--timeout", "0.5");
        assertEquals(4, run.exitCode(), run.toString());
        assertTrue(run.err().contains("slow.png: not finished within 0.5 s (--timeout); stopped"), run.err());
        assertTrue(Files.isRegularFile(out.resolve("a.png")) && Files.isRegularFile(out.resolve("b.png")));
        assertFalse(Files.exists(out.resolve("slow.png")));
    }

    @Test
    void classifyGivesUpOnTheSlowImageAndDecidesTheOthers() throws Exception {
        Path a = image("a.png", 16);
        Path slow = image("slow.png", 17);
        CliRun run = CliRun.of("classify", "--with", "test.hangs", a.toString(), slow.toString(), "--timeout",
                "0.5");
        assertEquals(4, run.exitCode(), run.toString());
        assertTrue(run.err().contains("slow.png: not finished within 0.5 s (--timeout)"), run.err());
        assertTrue(run.out().contains("a.png"), run.out());
    }

    @Test
    void aNegativeTimeoutIsAUsageError() throws Exception {
        CliRun run = CliRun.of("enhance", "--with", "test.hangs", image("a.png", 16).toString(), "--out",
                dir.resolve("out").toString(), "--timeout", "-1");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--timeout must be a number of seconds above 0"), run.err());
    }
}
