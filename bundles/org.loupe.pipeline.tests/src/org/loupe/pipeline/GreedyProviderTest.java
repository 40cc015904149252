package org.loupe.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * A provider that runs out of memory on one item of a batch costs that item only: the item is recorded as not having
 * had enough memory, and the provider goes on to the other items.
 */
class GreedyProviderTest {

    @TempDir
    Path dir;

    private ServiceRegistration<ImageEnhancer> greedy;

    @BeforeEach
    void registerGreedyEnhancer() {
        // on 17-pixel-wide images asks for 16 GiB at once: the JVM throws OutOfMemoryError without trying
        greedy = OsgiServices.register(ImageEnhancer.class, "test.greedy", (input, ctx) -> {
            if (input.width() == 17) {
                long[] all = new long[Integer.MAX_VALUE - 16];
                all[0] = input.width();
            }
            return input.copy();
        }, "GRAY:UINT8:1");
    }

    @AfterEach
    void unregister() {
        greedy.unregister();
    }

    @Test
    void anItemThatRunsOutOfMemoryIsRecordedAndTheOthersAreProcessed() throws Exception {
        Path in = dir.resolve("in");
        for (int i = 0; i < 6; i++) {
            ImageFiles.write(SyntheticImages.scene(ImageType.GRAY_U8, i == 2 ? 17 : 16, 12, i), in.resolve("img" + i
                    + ".png"));
        }
        ProviderRegistry registry = OsgiServices.await(ProviderRegistry.class);
        Pipeline p = new PipelineReader(registry).parse("p.json", "{\"steps\": [{\"enhance\": \"test.greedy\"}], "
                + "\"output\": {\"format\": \"png\"}}");
        Path out = dir.resolve("out");
        BatchResult r = new BatchRunner(registry, ReadOptions.defaults()).run(p, Inputs.expand(List.of(in
                .toString()), p.match()), new BatchRunner.Options(out, false, false, 1), new BatchRunner.Listener() {
                }, () -> false);
        assertEquals(6, r.items().size());
        assertEquals(1, r.failed(), r.items().toString());
        ItemResult failed = r.items().stream().filter(i -> !i.ok()).findFirst().orElseThrow();
        assertEquals("img2", failed.name());
        assertTrue(failed.reason().contains("not enough memory"), failed.reason());
        assertFalse(Files.exists(out.resolve("img2.png")));
        for (int i : new int[] {0, 1, 3, 4, 5}) {
            assertTrue(Files.exists(out.resolve("img" + i + ".png")), "img" + i + " after the greedy item");
        }
    }
}
