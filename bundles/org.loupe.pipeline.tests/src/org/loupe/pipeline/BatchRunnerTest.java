package org.loupe.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
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
 * One batch policy: a bad input or a failing provider never loses the other items, every failure is recorded, no
 * partial file is ever left, and a rerun computes only what an interrupted run did not finish.
 */
class BatchRunnerTest {

    @TempDir
    Path dir;

    private final AtomicInteger calls = new AtomicInteger();
    private ServiceRegistration<ImageEnhancer> counting;

    /** An 8-bit-only enhancer that counts its calls and throws on 17-pixel-wide images. */
    @BeforeEach
    void registerCountingEnhancer() {
        counting = OsgiServices.register(ImageEnhancer.class, "test.counting", (input, ctx) -> {
            calls.incrementAndGet();
            if (input.width() == 17) {
                throw new IllegalStateException("cannot stand odd widths");
            }
            return input.copy();
        }, "GRAY:UINT8:1");
    }

    @AfterEach
    void unregister() {
        counting.unregister();
    }

    private Pipeline pipeline() throws LoupeException {
        return new PipelineReader(OsgiServices.await(ProviderRegistry.class)).parse("p.json",
                "{\"steps\": [{\"enhance\": \"test.counting\"}], \"output\": {\"format\": \"png\"}}");
    }

    private BatchResult run(Path in, Path out, java.util.function.BooleanSupplier cancel) throws LoupeException {
        Pipeline p = pipeline();
        return new BatchRunner(OsgiServices.await(ProviderRegistry.class), ReadOptions.defaults()).run(p,
                Inputs.expand(List.of(in.toString()), p.match()), new BatchRunner.Options(out, false, false, 2),
                new BatchRunner.Listener() { }, cancel);
    }

    private Path images(int n) throws LoupeException {
        Path in = dir.resolve("in");
        for (int i = 0; i < n; i++) {
            ImageFiles.write(SyntheticImages.scene(ImageType.GRAY_U8, 16, 12, i), in.resolve(String.format(
                    "img%03d.png", i)));
        }
        return in;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void badItemsAreRecordedAndTheOthersAllProcessed() throws Exception {
        Path in = images(100);
        byte[] good = Files.readAllBytes(in.resolve("img000.png"));
        Files.write(in.resolve("cut.png"), Arrays.copyOf(good, good.length / 2));
        ImageFiles.write(SyntheticImages.scene(ImageType.RGB_U8, 16, 12, 1), in.resolve("colour.png"));
        ImageFiles.write(SyntheticImages.scene(ImageType.GRAY_U8, 17, 12, 1), in.resolve("odd.png"));
        Path out = dir.resolve("out");

        BatchResult r = run(in, out, () -> false);

        assertEquals(103, r.items().size());
        List<ItemResult> failures = r.items().stream().filter(i -> !i.ok()).toList();
        assertEquals(3, r.failed(), failures.toString());
        assertEquals(4, r.exitCode(), "a provider failure is the worst class here");
        assertTrue(failures.stream().anyMatch(f -> f.name().equals("cut") && f.exitClass() == 3
                && f.reason().contains("corrupt or truncated PNG")), failures.toString());
        assertTrue(failures.stream().anyMatch(f -> f.name().equals("colour") && f.exitClass() == 3
                && f.reason().contains("RGB:UINT8:3")), failures.toString());
        assertTrue(failures.stream().anyMatch(f -> f.name().equals("odd") && f.exitClass() == 4
                && f.reason().contains("cannot stand odd widths")), failures.toString());
        List<String> written = names(out);
        assertEquals(100, written.stream().filter(n -> n.startsWith("img") && n.endsWith(".png")).count());
        assertTrue(written.stream().noneMatch(n -> n.endsWith(".part")), written.toString());
        assertTrue(written.containsAll(List.of("results.jsonl", "summary.csv", "run.json")), written.toString());
        String csv = Files.readString(out.resolve("summary.csv"));
        assertEquals(104, csv.lines().count());
        assertTrue(csv.contains("cannot stand odd widths"), csv);
    }

    @Test
    void aRerunAfterAnInterruptionComputesEachRemainingItemOnce() throws Exception {
        Path in = images(20);
        Path out = dir.resolve("out");
        BatchResult first = run(in, out, () -> calls.get() >= 7);
        int completed = (int) first.items().stream().filter(ItemResult::ok).count();
        // the items under way when the flag rose are given up, their outputs unwritten
        assertTrue(completed >= 5 && completed < 20, "interrupted part way: " + completed);

        // a kill in the middle of appending a record leaves half a line: that item is simply done again
        Files.writeString(out.resolve(RunRecords.FILE), "{\"input\": \"" + in.resolve("img019.png") + "\", \"sta",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        calls.set(0);
        BatchResult second = run(in, out, () -> false);

        assertEquals(0, second.exitCode());
        assertEquals(completed, second.skipped());
        assertEquals(20 - completed, second.computed());
        assertEquals(20 - completed, calls.get(), "each remaining item computed once, the finished ones not again");
        assertEquals(20, names(out).stream().filter(n -> n.startsWith("img")).count());

        calls.set(0);
        BatchResult third = run(in, out, () -> false);
        assertEquals(0, third.computed());
        assertEquals(0, calls.get(), "everything current: nothing is computed");
    }

    @Test
    void aChangedInputIsComputedAgain() throws Exception {
        Path in = images(3);
        Path out = dir.resolve("out");
        run(in, out, () -> false);
        ImageFiles.write(SyntheticImages.scene(ImageType.GRAY_U8, 16, 12, 99), in.resolve("img001.png"));
        Files.setLastModifiedTime(in.resolve("img001.png"), java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() + 5000));
        calls.set(0);
        BatchResult again = run(in, out, () -> false);
        assertEquals(1, again.computed());
        assertEquals(1, calls.get());
    }

    @Test
    void aFolderWithOtherFilesIsRefusedBeforeAnyWork() throws Exception {
        Path in = images(2);
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("thesis.docx"), "years of work");
        LoupeException e = assertThrows(LoupeException.class, () -> run(in, out, () -> false));
        assertEquals(LoupeException.Reason.USAGE, e.reason());
        assertEquals(0, calls.get());
        assertEquals(List.of("thesis.docx"), names(out));
    }

    @Test
    void anOutputThatWouldOverwriteAnInputIsRefused() throws Exception {
        Path in = images(2);
        LoupeException e = assertThrows(LoupeException.class, () -> {
            Pipeline p = pipeline();
            new BatchRunner(OsgiServices.await(ProviderRegistry.class), ReadOptions.defaults()).run(p,
                    Inputs.expand(List.of(in.toString()), p.match()), new BatchRunner.Options(in, false, true, 1),
                    new BatchRunner.Listener() { }, () -> false);
        });
        assertTrue(e.getMessage().contains("would overwrite an input"), e.getMessage());
        assertEquals(0, calls.get());
    }

    @Test
    void theResultNamesTheProviderThatMadeItEvenIfThePluginForgets() throws Exception {
        Path in = images(1);
        Path out = dir.resolve("out");
        run(in, out, () -> false);
        assertEquals("Loupe: test.counting@1.0.0", softwareText(out.resolve("img000.png")));
    }

    @Test
    void aLearnedProvidersOwnStampNamingItsModelIsNotDoubled() throws Exception {
        ServiceRegistration<ImageEnhancer> learned = OsgiServices.register(ImageEnhancer.class, "test.learned",
                (input, ctx) -> input.copy().withMetadata(input.metadata().withStep("test.learned",
                        "1.0.0 (model m v1)")));
        try {
            Pipeline p = new PipelineReader(OsgiServices.await(ProviderRegistry.class)).parse("p.json",
                    "{\"steps\": [{\"enhance\": \"test.learned\"}], \"output\": {\"format\": \"png\"}}");
            Path in = images(1);
            Path out = dir.resolve("out");
            new BatchRunner(OsgiServices.await(ProviderRegistry.class), ReadOptions.defaults()).run(p,
                    Inputs.expand(List.of(in.toString()), p.match()), new BatchRunner.Options(out, false, false, 1),
                    new BatchRunner.Listener() { }, () -> false);
            assertEquals("Loupe: test.learned@1.0.0 (model m v1)", softwareText(out.resolve("img000.png")));
        } finally {
            learned.unregister();
        }
    }

    private static String softwareText(Path png) throws IOException {
        try (ImageInputStream s = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("png").next();
            r.setInput(s);
            IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(0).getAsTree("javax_imageio_1.0");
            return ((IIOMetadataNode) root.getElementsByTagName("TextEntry").item(0)).getAttribute("value");
        }
    }
}
