package org.loupe.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.image.ImageType;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ReadOptions;
import org.loupe.pipeline.internal.RunRecords;
import org.loupe.registry.ProviderRegistry;
import org.loupe.testing.OsgiServices;
import org.loupe.testing.SyntheticImages;
import org.osgi.framework.ServiceRegistration;

/**
 * A run split over processes (planned here, computed anywhere, finished here) ends exactly as a local batch does:
 * the same outputs, the same records and the same skipping of finished items on a rerun, and a process with other
 * providers refuses to compute.
 */
class SplitRunTest {

    @TempDir
    Path dir;

    private ServiceRegistration<ImageEnhancer> enhancer;
    private ProviderRegistry registry;

    @BeforeEach
    void registerEnhancer() {
        enhancer = OsgiServices.register(ImageEnhancer.class, "test.split", (input, ctx) -> {
            if (input.width() == 17) {
                throw new IllegalStateException("cannot stand odd widths");
            }
            return input.copy();
        }, "GRAY:UINT8:1");
        registry = OsgiServices.await(ProviderRegistry.class);
    }

    @AfterEach
    void unregister() {
        enhancer.unregister();
    }

    private Pipeline pipeline() throws LoupeException {
        return new PipelineReader(registry).parse("p.json",
                "{\"steps\": [{\"enhance\": \"test.split\"}], \"output\": {\"format\": \"png\"}}");
    }

    private List<Item> items() throws LoupeException {
        Path in = dir.resolve("in");
        for (int i = 0; i < 4; i++) {
            ImageFiles.write(SyntheticImages.scene(ImageType.GRAY_U8, i == 2 ? 17 : 16, 12, i),
                    in.resolve("img" + i + ".png"));
        }
        return Inputs.expand(List.of(in.toString()), pipeline().match());
    }

    @Test
    void aSplitRunWritesWhatALocalBatchWrites() throws Exception {
        List<Item> items = items();
        Path local = dir.resolve("local");
        new BatchRunner(registry, ReadOptions.defaults()).run(pipeline(), items,
                new BatchRunner.Options(local, false, false, 2), new BatchRunner.Listener() { }, () -> false);
        Path split = dir.resolve("split");
        SplitRun run = new SplitRun(registry, ReadOptions.defaults());
        SplitRun.Plan plan = run.plan(pipeline(), items, split, false);
        List<ItemResult> computed = new ArrayList<>();
        for (SplitRun.Task t : plan.tasks()) {
            // as a record crosses processes: through its line
            computed.add(SplitRun.fromLine(SplitRun.toLine(run.run(pipeline(), t, split, () -> false))));
        }
        BatchResult r = run.finish(pipeline(), plan, split, computed, false);

        assertEquals(4, r.computed());
        assertEquals(1, r.failed());
        assertEquals(4, r.exitCode());
        for (String name : List.of("img0.png", "img1.png", "img3.png")) {
            assertArrayEquals(Files.readAllBytes(local.resolve(name)), Files.readAllBytes(split.resolve(name)), name);
        }
        Map<String, ItemResult> a = RunRecords.read(local);
        Map<String, ItemResult> b = RunRecords.read(split);
        assertEquals(a.keySet(), b.keySet());
        for (String input : a.keySet()) {
            assertEquals(a.get(input).status(), b.get(input).status(), input);
            assertEquals(a.get(input).outputs(), b.get(input).outputs(), input);
            assertEquals(a.get(input).fingerprint(), b.get(input).fingerprint(), input);
            assertEquals(a.get(input).reason(), b.get(input).reason(), input);
        }
        assertTrue(Files.isRegularFile(split.resolve("summary.csv")));
        assertTrue(Files.isRegularFile(split.resolve("report.html")));
    }

    @Test
    void aRerunPlansOnlyTheItemsNotFinishedAndARunCutOffIsStillARun() throws Exception {
        List<Item> items = items();
        Path out = dir.resolve("out");
        SplitRun run = new SplitRun(registry, ReadOptions.defaults());
        SplitRun.Plan first = run.plan(pipeline(), items, out, false);
        ItemResult one = run.run(pipeline(), first.tasks().get(0), out, () -> false);
        // the job is cut off here: one output written, no record; the next plan still accepts the folder
        SplitRun.Plan second = run.plan(pipeline(), items, out, false);
        assertEquals(4, second.tasks().size());
        List<ItemResult> all = new ArrayList<>();
        for (SplitRun.Task t : second.tasks()) {
            all.add(run.run(pipeline(), t, out, () -> false));
        }
        run.finish(pipeline(), second, out, all, false);
        SplitRun.Plan third = run.plan(pipeline(), items, out, false);
        // only the failing item is left to compute
        assertEquals(List.of(items.get(2).file()), third.tasks().stream().map(t -> t.item().file()).toList());
        assertEquals(one.outputs(), RunRecords.read(out).get(items.get(0).file().toString()).outputs());
    }

    @Test
    void aProcessWithOtherProvidersRefusesToCompute() throws Exception {
        SplitRun run = new SplitRun(registry, ReadOptions.defaults());
        String planned = run.identity(pipeline()).replace("test.split@", "test.split@9.");
        LoupeException e = assertThrows(LoupeException.class, () -> run.requireSame(pipeline(), planned));
        assertEquals(LoupeException.Reason.PROVIDER, e.reason());
        assertTrue(e.getMessage().contains("test.split@9."), e.getMessage());
    }
}
