package org.loupe.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.image.ImageType;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ReadOptions;
import org.loupe.registry.ProviderRegistry;
import org.loupe.testing.OsgiServices;
import org.loupe.testing.SyntheticImages;
import org.osgi.framework.ServiceRegistration;

/**
 * Two runs never write one output folder at once: while a run is under way, a second run into its folder is refused
 * before it writes anything, and once the first has ended the second proceeds (and resumes from it).
 */
class OutputFolderLockTest {

    @TempDir
    Path dir;

    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private ServiceRegistration<ImageEnhancer> waiting;

    @BeforeEach
    void registerWaitingEnhancer() {
        waiting = OsgiServices.register(ImageEnhancer.class, "test.waiting", (input, ctx) -> {
            started.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return input.copy();
        }, "GRAY:UINT8:1");
    }

    @AfterEach
    void unregister() {
        release.countDown();
        waiting.unregister();
    }

    private BatchResult run(Path in, Path out) throws LoupeException {
        ProviderRegistry registry = OsgiServices.await(ProviderRegistry.class);
        Pipeline p = new PipelineReader(registry).parse("p.json",
                "{\"steps\": [{\"enhance\": \"test.waiting\"}], \"output\": {\"format\": \"png\"}}");
        return new BatchRunner(registry, ReadOptions.defaults()).run(p, Inputs.expand(List.of(in.toString()),
                p.match()), new BatchRunner.Options(out, false, false, 1), new BatchRunner.Listener() { },
                () -> false);
    }

    @Test
    void aSecondRunIntoAFolderUnderWayIsRefusedAndProceedsOnceTheFirstEnds() throws Exception {
        Path in = dir.resolve("in");
        ImageFiles.write(SyntheticImages.scene(ImageType.GRAY_U8, 16, 12, 1), in.resolve("a.png"));
        Path out = dir.resolve("out");
        CompletableFuture<BatchResult> first = CompletableFuture.supplyAsync(() -> {
            try {
                return run(in, out);
            } catch (LoupeException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(started.await(30, TimeUnit.SECONDS), "the first run did not start");

        LoupeException e = assertThrows(LoupeException.class, () -> run(in, out));
        assertEquals(LoupeException.Reason.USAGE, e.reason());
        assertTrue(e.getMessage().contains("being written by another Loupe run"), e.getMessage());

        release.countDown();
        assertEquals(1, first.get(60, TimeUnit.SECONDS).computed());
        BatchResult second = run(in, out);
        assertEquals(1, second.skipped());
    }
}
