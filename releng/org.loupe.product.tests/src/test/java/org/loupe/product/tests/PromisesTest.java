package org.loupe.product.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The promises of the README's "What the command line promises", each checked through {@code ./loupe} against what
 * a hostile or unlucky user met: outputs that overwrite inputs, float data clamped, corrupt files accepted, memory
 * exhausted, interrupted runs, odd names, FIFOs, escape sequences and unreadable results.
 */
class PromisesTest {

    private static Path fresh(String name) throws IOException {
        return Launcher.fresh("promise-" + name);
    }

    private static Path gray(Path file, String format, int w, int h, long seed) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        new Random(seed).nextBytes(((DataBufferByte) img.getRaster().getDataBuffer()).getData());
        assertTrue(ImageIO.write(img, format, file.toFile()));
        return file;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anOutputNeverOverwritesAnInputAndEarlierOutputsOnlyWithOverwrite() throws Exception {
        Path dir = fresh("overwrite");
        Path a = gray(dir.resolve("a.bmp"), "bmp", 32, 24, 1);
        Path earlier = gray(dir.resolve("a.enhance.median.bmp"), "bmp", 32, 24, 2);
        byte[] aBytes = Files.readAllBytes(a);
        byte[] earlierBytes = Files.readAllBytes(earlier);

        Launcher.Run both = Launcher.run("enhance", "--with", "enhance.median", a.toString(), earlier.toString(),
                "--out", dir.toString());
        assertEquals(2, both.exitCode(), both.toString());
        assertTrue(both.err().contains(a.toString()) && both.err().contains(earlier + ", which is an input"),
                both.toString());
        assertEquals(1, both.err().lines().count(), both.toString());

        Launcher.Run folder = Launcher.run("enhance", "--with", "enhance.median", dir.toString(), "--out",
                dir.toString());
        assertEquals(2, folder.exitCode(), folder.toString());
        assertTrue(folder.err().contains(earlier + ", which already exists") && folder.err().contains("--overwrite"),
                folder.toString());
        assertArrayEquals(aBytes, Files.readAllBytes(a));
        assertArrayEquals(earlierBytes, Files.readAllBytes(earlier), "nothing was written before the refusal");

        Launcher.Run deliberate = Launcher.run("enhance", "--with", "enhance.median", dir.toString(), "--out",
                dir.toString(), "--overwrite");
        assertEquals(0, deliberate.exitCode(), deliberate.toString());
        assertArrayEquals(aBytes, Files.readAllBytes(a), "an input is never overwritten");
        assertFalse(java.util.Arrays.equals(earlierBytes, Files.readAllBytes(earlier)), "the earlier output is new");
        assertEquals(List.of("a.bmp", "a.enhance.median.bmp"), names(dir));
    }

    @Test
    void floatTiffValuesOutsideTheUnitRangeSurviveAnIdentityMedian() throws Exception {
        Path dir = fresh("float");
        float[] values = {-3.25f, 1000.5f, 0.25f, -0.001f};
        Path in = floatTiff(dir.resolve("f.tif"), values);
        Launcher.Run run = Launcher.run("enhance", "--with", "enhance.median", "-p", "size=1", in.toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.toString());
        float[] back = ImageIO.read(dir.resolve("out/f.tif").toFile()).getRaster().getSamples(0, 0, 4, 1, 0,
                new float[4]);
        assertArrayEquals(values, back);

        Path inf = floatTiff(dir.resolve("inf.tif"), new float[] {1, Float.POSITIVE_INFINITY, 2, 3});
        Launcher.Run refused = Launcher.run("enhance", "--with", "enhance.median", "-p", "size=1", inf.toString(),
                "--out", dir.resolve("out2").toString());
        assertEquals(3, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("non-finite float samples, the first at (1, 0) = Infinity"),
                refused.toString());
    }

    private static Path floatTiff(Path file, float[] values) throws IOException {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_FLOAT);
        WritableRaster r = cm.createCompatibleWritableRaster(values.length, 1);
        r.setSamples(0, 0, values.length, 1, 0, values);
        assertTrue(ImageIO.write(new BufferedImage(cm, r, false, null), "tiff", file.toFile()));
        return file;
    }

    @Test
    void aPngWhoseHeaderWasAlteredUnderAStaleCrcIsRefused() throws Exception {
        Path dir = fresh("crc");
        Path png = gray(dir.resolve("whole.png"), "png", 40, 30, 3);
        byte[] bytes = Files.readAllBytes(png);
        bytes[23] = 15; // IHDR height 30 -> 15, CRC unchanged
        Path altered = Files.write(dir.resolve("altered.png"), bytes);
        Launcher.Run run = Launcher.run("enhance", "--with", "enhance.median", altered.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(3, run.exitCode(), run.toString());
        assertEquals("loupe: " + altered + ": corrupt PNG data (IHDR: CRC error)\n", run.err());
        assertFalse(Files.exists(dir.resolve("out/altered.png")));
    }

    @Test
    void runningOutOfMemoryIsExitThreeWithOneLineNamingTheFile() throws Exception {
        Path dir = fresh("memory");
        BufferedImage img = new BufferedImage(3000, 3000, BufferedImage.TYPE_3BYTE_BGR);
        Path big = dir.resolve("big.png");
        assertTrue(ImageIO.write(img, "png", big.toFile()));
        Launcher.Run run = Launcher.run(Map.of("LOUPE_JAVA_OPTS", "-Xmx256m"), "enhance", "--with",
                "enhance.bicubic", "-p", "scale=4", big.toString(), "--out", dir.resolve("out").toString());
        assertEquals(3, run.exitCode(), run.toString());
        assertEquals("", run.out(), run.toString());
        assertEquals(1, run.err().lines().count(), run.toString());
        assertTrue(run.err().startsWith("loupe: " + big + ": not enough memory (this needs more than the "),
                run.toString());
        assertTrue(run.err().contains("LOUPE_JAVA_OPTS=-Xmx"), run.toString());

        Launcher.Run decode = Launcher.run(Map.of("LOUPE_JAVA_OPTS", "-Xmx32m"), "enhance", "--with",
                "enhance.median", big.toString(), "--out", dir.resolve("out").toString());
        assertEquals(3, decode.exitCode(), decode.toString());
        assertTrue(decode.err().contains("3000x3000 needs about 51 MB to decode"), decode.toString());
    }

    @Test
    void sigtermDuringAWriteLeavesNeitherATemporaryFileNorAPartialOutput() throws Exception {
        Path dir = fresh("sigterm");
        BufferedImage img = new BufferedImage(2000, 2000, BufferedImage.TYPE_3BYTE_BGR);
        new Random(4).nextBytes(((DataBufferByte) img.getRaster().getDataBuffer()).getData());
        Path noisy = dir.resolve("noisy.png");
        assertTrue(ImageIO.write(img, "png", noisy.toFile()));
        Path out = Files.createDirectories(dir.resolve("out"));
        // an 8000x8000 RGB result takes seconds to encode: time to see its temporary file and interrupt
        Process p = Launcher.builder(Map.of(), "enhance", "--with", "enhance.bicubic", "-p", "scale=4",
                noisy.toString(), "--out", out.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (names(out).stream().noneMatch(n -> n.endsWith(".part"))) {
            assertTrue(p.isAlive() && System.nanoTime() < deadline, "no temporary file seen: "
                    + Files.readString(dir.resolve("log.txt")));
            Thread.sleep(20);
        }
        p.destroy(); // SIGTERM to ./loupe, which passes it on to Java
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(143, p.exitValue());
        assertEquals(List.of(), names(out));
    }

    @Test
    void aTemporaryFileLeftByAKilledRunIsSweptByTheNextRunIntoTheFolder() throws Exception {
        Path dir = fresh("sweep");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path out = Files.createDirectories(dir.resolve("out"));
        Path stale = Files.writeString(out.resolve(".loupe-" + gone.pid() + "-0badc0de.part"), "half a result");
        Path in = gray(dir.resolve("a.png"), "png", 16, 16, 5);
        Launcher.Run run = Launcher.run("enhance", "--with", "enhance.median", in.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertFalse(Files.exists(stale));
        assertEquals(List.of("a.png"), names(out));
    }

    @Test
    void aLegal250ByteFileNameIsProcessed() throws Exception {
        Path dir = fresh("long-name");
        Path in = gray(dir.resolve("n".repeat(246) + ".png"), "png", 16, 16, 6);
        Launcher.Run run = Launcher.run("enhance", "--with", "enhance.median", in.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(Files.exists(dir.resolve("out").resolve(in.getFileName())));
    }

    @Test
    void usageErrorsAreOneLine() throws Exception {
        Path in = gray(fresh("usage").resolve("a.png"), "png", 16, 16, 7);
        for (List<String> bad : List.of(List.of("-p", "size"), List.of("--max-pixels", "abc"),
                List.of("--max-pixels", "-1"))) {
            List<String> args = new java.util.ArrayList<>(List.of("enhance", "--with", "enhance.median"));
            args.addAll(bad);
            args.addAll(List.of(in.toString(), "--out", in.resolveSibling("out").toString()));
            Launcher.Run run = Launcher.run(args.toArray(String[]::new));
            assertEquals(2, run.exitCode(), run.toString());
            assertEquals(1, run.err().lines().count(), bad + ": " + run);
            assertFalse(run.err().contains("option option"), run.toString());
            assertTrue(run.err().contains("--help"), run.toString());
        }
    }

    @Test
    void controlCharactersInNamesAreEscapedInMessages() throws Exception {
        Path dir = fresh("escape");
        Path missing = dir.resolve("x\u001b[2Jy.png");
        Launcher.Run run = Launcher.run("enhance", "--with", "enhance.median", missing.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(3, run.exitCode(), run.toString());
        assertFalse(run.err().chars().anyMatch(c -> c == 0x1b), "no raw ESC: " + run);
        assertEquals("loupe: " + dir + "/x\\e[2Jy.png: no such file\n", run.err());
    }

    @Test
    void aFifoIsRefusedAtOnce() throws Exception {
        Path dir = fresh("fifo");
        Path fifo = dir.resolve("pipe.png");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Process p = Launcher.builder(Map.of(), "enhance", "--with", "enhance.median", fifo.toString(), "--out",
                dir.resolve("out").toString()).redirectErrorStream(true).start();
        boolean ended = p.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        assertTrue(ended, "./loupe waited for a writer to open the FIFO");
        String printed = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(3, p.exitValue(), printed);
        assertTrue(printed.contains("not a regular file"), printed);
    }

    @Test
    void outputsGetThePermissionsOfAPlainWrite() throws Exception {
        Path dir = fresh("permissions");
        Path in = gray(dir.resolve("a.png"), "png", 16, 16, 8);
        Launcher.Run run = Launcher.run("enhance", "--with", "enhance.median", in.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.toString());
        Path plain = Files.writeString(dir.resolve("plain.txt"), "made by a plain write in the same umask");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(dir.resolve("out/a.png")));
    }

    @Test
    void outputsAndListingsNameTheModelThatMadeThem() throws Exception {
        Path dir = fresh("model-version");
        Launcher.Run run = Launcher.run("enhance", "--with", "enhance.xray", Launcher.samples().resolve(
                "xray-s1-lq.tif").toString(), "--out", dir.toString(), "--json");
        assertEquals(0, run.exitCode(), run.toString());
        String madeBy = com.google.gson.JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("results")
                .get(0).getAsJsonObject().getAsJsonArray("madeBy").get(0).getAsString();
        Launcher.Run plugins = Launcher.run("plugins", "--json");
        String model = com.google.gson.JsonParser.parseString(plugins.out()).getAsJsonArray().asList().stream()
                .map(e -> e.getAsJsonObject()).filter(o -> o.get("id").getAsString().equals("enhance.xray"))
                .findFirst().orElseThrow().get("model").getAsString();
        assertTrue(model.startsWith("xray.dm 20"), model);
        assertEquals("enhance.xray@1.1.0 (model " + model + ")", madeBy);
    }
}
