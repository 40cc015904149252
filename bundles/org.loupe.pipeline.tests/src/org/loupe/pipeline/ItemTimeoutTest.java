package org.loupe.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.ImageEnhancer;
import org.loupe.image.ImageType;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ReadOptions;
import org.loupe.registry.ProviderRegistry;
import org.loupe.testing.OsgiServices;
import org.loupe.testing.SyntheticImages;
import org.osgi.framework.ServiceRegistration;

/**
 * A provider that hangs on one item of a batch costs that item only: past {@code --timeout} the item is recorded as
 * a provider failure, the others are processed, a provider that heeds the request to stop writes nothing, and one
 * that ignores it is left behind without holding up the batch.
 */
class ItemTimeoutTest {

    @TempDir
    Path dir;

    /** Released at the end, so that the deliberately stuck threads of the test end too. */
    private final CountDownLatch release = new CountDownLatch(1);
    private ServiceRegistration<ImageEnhancer> stuck;
    private ServiceRegistration<ImageEnhancer> polite;

    @BeforeEach
    void registerHangingEnhancers() {
        // hangs on 17-pixel-wide images and ignores every request to stop
        stuck = OsgiServices.register(ImageEnhancer.class, "test.stuck", (input, ctx) -> {
            while (input.width() == 17 && release.getCount() > 0) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    // ignored on purpose: this provider is the worst case
                }
            }
            return input.copy();
        }, "GRAY:UINT8:1");
        // hangs on 17-pixel-wide images until asked to stop, then stops as providers should
        polite = OsgiServices.register(ImageEnhancer.class, "test.polite", (input, ctx) -> {
            while (input.width() == 17) {
                ctx.checkCancelled();
                Thread.onSpinWait();
            }
            return input.copy();
        }, "GRAY:UINT8:1");
    }

    @AfterEach
    void unregister() {
        release.countDown();
        stuck.unregister();
        polite.unregister();
    }

    private BatchResult run(String provider, Path out) throws Exception {
        Path in = dir.resolve("in");
        if (!Files.isDirectory(in)) {
            for (int i = 0; i < 6; i++) {
                ImageFiles.write(SyntheticImages.scene(ImageType.GRAY_U8, i == 3 ? 17 : 16, 12, i),
                        in.resolve("img" + i + ".png"));
            }
        }
        ProviderRegistry registry = OsgiServices.await(ProviderRegistry.class);
        Pipeline p = new PipelineReader(registry).parse("p.json", "{\"steps\": [{\"enhance\": \"" + provider
                + "\"}], \"output\": {\"format\": \"png\"}}");
        return new BatchRunner(registry, ReadOptions.defaults()).run(p, Inputs.expand(List.of(in.toString()),
                p.match()), new BatchRunner.Options(out, false, false, 2, Duration.ofMillis(500)),
                new BatchRunner.Listener() { }, () -> false);
    }

    @Test
    void anItemPastItsTimeIsAProviderFailureAndTheOthersAreProcessed() throws Exception {
        Path out = dir.resolve("polite");
        BatchResult r = run("test.polite", out);
        assertEquals(6, r.items().size());
        assertEquals(1, r.failed());
        assertEquals(4, r.exitCode());
        ItemResult late = r.items().stream().filter(i -> !i.ok()).findFirst().orElseThrow();
        assertEquals("img3", late.name());
        assertTrue(late.reason().contains("not finished within 0.5 s (--timeout); stopped"), late.reason());
        assertFalse(Files.exists(out.resolve("img3.png")), "an item given up on writes nothing");
        assertTrue(Files.exists(out.resolve("img4.png")));
    }

    @Test
    void aProviderThatIgnoresTheRequestToStopIsLeftBehindAndTheBatchEnds() throws Exception {
        Path out = dir.resolve("stuck");
        BatchResult r = run("test.stuck", out);
        assertEquals(5, r.items().stream().filter(ItemResult::ok).count());
        ItemResult late = r.items().stream().filter(i -> !i.ok()).findFirst().orElseThrow();
        assertTrue(late.reason().contains("did not stop when asked and is left running"), late.reason());
        // the rerun computes the item again rather than trusting whatever the stuck thread might write later
        release.countDown();
        BatchResult again = run("test.stuck", out);
        assertEquals(1, again.computed());
        assertEquals(0, again.failed());
    }
}
