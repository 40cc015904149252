package org.loupe.cli.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.GrayF32;
import org.loupe.image.GrayU16;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.numerics.filter.MedianFilter;
import org.loupe.testing.ImageAssertions;
import org.loupe.testing.OsgiServices;
import org.loupe.testing.SyntheticImages;
import org.osgi.framework.ServiceRegistration;

class EnhanceCommandTest {

    @TempDir
    Path dir;

    private Path sixteenBitTiff(String name) throws LoupeException {
        PixelImage img = SyntheticImages.withImpulses(SyntheticImages.scene(ImageType.GRAY_U16, 64, 48, 1), 0.02, 2);
        Path file = dir.resolve(name);
        ImageFiles.write(img, file);
        return file;
    }

    private static long fileCount(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.count();
        }
    }

    @Test
    void medianOfASixteenBitTiffIsASixteenBitTiffWithTheExactMedian() throws Exception {
        Path in = sixteenBitTiff("frame.tif");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("enhance", "--with", "enhance.median", "--param", "size=5", in.toString(),
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.toString());
        PixelImage result = ImageFiles.read(out.resolve("frame.tif"));
        assertEquals(ImageType.GRAY_U16, result.type());
        PixelImage expected = MedianFilter.apply(ImageFiles.read(in), 5, ProcessingContext.none());
        ImageAssertions.assertSamePixels(expected, result);
        assertTrue(((GrayU16) result).get(10, 10) > 255, "16-bit values above 255 are kept");
    }

    @Test
    void aTruncatedPngGivesExitThreeAndNoOutput() throws Exception {
        Path good = dir.resolve("good.png");
        ImageFiles.write(SyntheticImages.scene(ImageType.GRAY_U8, 100, 80, 1), good);
        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.png");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("enhance", "--with", "enhance.median", cut.toString(), "--out", out.toString());
        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("loupe: " + cut + ": corrupt or truncated PNG data"), run.err());
        assertEquals(1, run.err().lines().count(), "one line");
        assertEquals(0, fileCount(out), "no partial output");
    }

    @Test
    void aBadInputIsSkippedAndTheOthersAreStillProcessed() throws Exception {
        Path good = sixteenBitTiff("good.tif");
        Path notImage = Files.writeString(dir.resolve("notes.tif"), "hello");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("enhance", "--with", "enhance.gaussian", notImage.toString(), good.toString(),
                "--out", out.toString());
        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(Files.exists(out.resolve("good.tif")));
        assertFalse(Files.exists(out.resolve("notes.tif")));
    }

    @Test
    void anUnknownProviderGivesExitFour() throws Exception {
        Path in = sixteenBitTiff("a.tif");
        CliRun run = CliRun.of("enhance", "--with", "enhance.magic", in.toString(), "--out", dir.resolve("o").toString());
        assertEquals(4, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("loupe: provider 'enhance.magic' is not installed (enhancers: "), run.err());
    }

    @Test
    void aBadParameterIsAUsageErrorNamingTheKey() throws Exception {
        Path in = sixteenBitTiff("a.tif");
        CliRun run = CliRun.of("enhance", "--with", "enhance.median", "-p", "size=4", in.toString(), "--out",
                dir.resolve("o").toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("parameter 'size'"), run.err());
        CliRun unknown = CliRun.of("enhance", "--with", "enhance.median", "-p", "radius=4", in.toString(), "--out",
                dir.resolve("o").toString());
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("unknown parameter 'radius' (known: size, depth)"), unknown.err());
    }

    @Test
    void aProviderThatThrowsGivesExitFourAndNoOutput() throws Exception {
        ServiceRegistration<ImageEnhancer> reg = OsgiServices.register(ImageEnhancer.class, "test.throws",
                (input, ctx) -> {
                    throw new IllegalStateException("out of coffee");
                });
        try {
            Path in = sixteenBitTiff("a.tif");
            Path out = dir.resolve("out");
            CliRun run = CliRun.of("enhance", "--with", "test.throws", in.toString(), "--out", out.toString());
            assertEquals(4, run.exitCode(), run.toString());
            assertEquals("loupe: provider 'test.throws' failed: IllegalStateException: out of coffee\n", run.err());
            assertEquals(0, fileCount(out));
        } finally {
            reg.unregister();
        }
    }

    @Test
    void writingIntoTheInputFolderNeverOverwritesAnInput() throws Exception {
        Path in = sixteenBitTiff("scan.tif");
        byte[] before = Files.readAllBytes(in);
        CliRun run = CliRun.of("enhance", "--with", "enhance.median", in.toString(), "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertArrayEquals(before, Files.readAllBytes(in), "the input is untouched");
        assertTrue(Files.exists(dir.resolve("scan.enhance.median.tif")), run.toString());
    }

    @Test
    void twoInputsWithTheSameNameAreAUsageError() throws Exception {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Path a = sixteenBitTiff("a/x.tif");
        Path b = sixteenBitTiff("b/x.tif");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("enhance", "--with", "enhance.median", a.toString(), b.toString(), "--out",
                out.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(0, fileCount(out));
    }

    @Test
    void foldersAreExpandedAndJsonReportsEveryOutput() throws Exception {
        Files.createDirectories(dir.resolve("in"));
        sixteenBitTiff("in/one.tif");
        sixteenBitTiff("in/two.tif");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("enhance", "--with", "enhance.bicubic", "-p", "scale=0.5", "--json",
                dir.resolve("in").toString(), "--out", out.toString(), "--format", "png");
        assertEquals(0, run.exitCode(), run.toString());
        JsonObject report = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals("enhance.bicubic", report.getAsJsonObject("provider").get("id").getAsString());
        assertEquals("0.5", report.getAsJsonObject("parameters").get("scale").getAsString());
        assertEquals(2, report.getAsJsonArray("results").size());
        assertEquals(32, report.getAsJsonArray("results").get(0).getAsJsonObject().get("width").getAsInt());
        assertEquals(ImageType.GRAY_U16, ImageFiles.read(out.resolve("one.png")).type());
    }

    @Test
    void thePixelLimitIsCheckedFromTheHeader() throws Exception {
        Path in = sixteenBitTiff("big.tif");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("--max-pixels", "1000", "enhance", "--with", "enhance.median", in.toString(), "--out",
                out.toString());
        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().contains("over the pixel limit of 0.0 (raise it with --max-pixels)"), run.err());
    }

    @Test
    void aMissingFileIsBadInput() {
        CliRun run = CliRun.of("enhance", "--with", "enhance.median", dir.resolve("nope.png").toString(), "--out",
                dir.resolve("o").toString());
        assertEquals(3, run.exitCode(), run.toString());
        assertEquals("loupe: " + dir.resolve("nope.png") + ": no such file\n", run.err());
    }

    /** An enhancer whose result (float) a PNG cannot hold: the one format rule writes TIFF, decided before the work. */
    private static final class ToFloat implements ImageEnhancer {
        @Override
        public PixelImage enhance(PixelImage input, ProcessingContext ctx) {
            GrayF32 out = GrayF32.create(input.width(), input.height());
            for (int y = 0; y < input.height(); y++) {
                for (int x = 0; x < input.width(); x++) {
                    out.set(x, y, input.getFloat(x, y, 0) / 255f - 0.25f);
                }
            }
            return out;
        }

        @Override
        public ImageType outputType(ImageType input) {
            return ImageType.GRAY_F32;
        }
    }

    @Test
    void aResultThePngCannotHoldIsWrittenAsTiffWithANote() throws Exception {
        ServiceRegistration<ImageEnhancer> reg = OsgiServices.register(ImageEnhancer.class, "test.tofloat",
                new ToFloat());
        try {
            Path in = dir.resolve("board.png");
            PixelImage board = SyntheticImages.scene(ImageType.GRAY_U8, 32, 24, 3);
            ImageFiles.write(board, in);
            Path out = dir.resolve("out");
            CliRun run = CliRun.of("enhance", "--with", "test.tofloat", in.toString(), "--out", out.toString());
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.err().contains("PNG cannot store GRAY:FLOAT32:1; writing TIFF instead"), run.err());
            PixelImage written = ImageFiles.read(out.resolve("board.tif"));
            assertEquals(ImageType.GRAY_F32, written.type());
            assertEquals(board.getFloat(5, 7, 0) / 255f - 0.25f, written.getFloat(5, 7, 0), 0f, "every bit is kept");
            assertFalse(Files.exists(out.resolve("board.png")));
        } finally {
            reg.unregister();
        }
    }
}
