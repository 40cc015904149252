package org.loupe.product.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The command line through the real launcher and product: what the README promises a user. */
class CommandLineTest {

    private static Path fresh(String name) throws Exception {
        return Launcher.fresh("cli-" + name);
    }

    @Test
    void pluginsJsonListsTheClassicEnhancersWithMetadata() throws Exception {
        Launcher.Run run = Launcher.run("plugins", "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonArray list = JsonParser.parseString(run.out()).getAsJsonArray();
        // the median's 3-D window (-p depth) made it 1.1.0
        Map<String, String> versions = Map.of("enhance.median", "1.1.0", "enhance.gaussian", "1.0.0",
                "enhance.bicubic", "1.0.0");
        for (String id : versions.keySet()) {
            JsonObject p = list.asList().stream().map(JsonElement::getAsJsonObject)
                    .filter(o -> o.get("id").getAsString().equals(id)).findFirst().orElseThrow(() ->
                            new AssertionError(id + " missing from " + run.out()));
            assertEquals("enhancer", p.get("kind").getAsString());
            assertEquals(versions.get(id), p.get("version").getAsString(), id);
            assertEquals("org.loupe.enhance.classic", p.get("bundle").getAsString());
            assertEquals("READY", p.get("health").getAsString(), "listing must not activate " + id);
            assertTrue(p.get("inputTypes").getAsJsonArray().size() >= 3);
        }
    }

    @Test
    void medianOnASixteenBitTiffWritesASixteenBitTiffWithTheExpectedValues() throws Exception {
        Path dir = fresh("tiff");
        int w = 40;
        int h = 30;
        int[] values = new int[w * h];
        Random rnd = new Random(11);
        for (int i = 0; i < values.length; i++) {
            values[i] = 30_000 + rnd.nextInt(2000);
        }
        values[15 * w + 20] = 65_535; // a hot pixel the median must remove
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        img.getRaster().setPixels(0, 0, w, h, values);
        Path in = dir.resolve("frame.tif");
        assertTrue(ImageIO.write(img, "tiff", in.toFile()));
        byte[] inputBytes = Files.readAllBytes(in);

        Launcher.Run run = Launcher.run("enhance", "--with", "enhance.median", in.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.toString());
        Raster out = ImageIO.read(dir.resolve("out/frame.tif").toFile()).getRaster();
        assertEquals(16, out.getSampleModel().getSampleSize(0), "still 16-bit");
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertEquals(median3x3(values, w, h, x, y), out.getSample(x, y, 0), "at " + x + "," + y);
            }
        }
        assertTrue(out.getSample(20, 15, 0) < 33_000, "the hot pixel is gone");
        assertArrayEquals(inputBytes, Files.readAllBytes(in), "the input is untouched");
    }

    @Test
    void aTruncatedPngGivesExitThreeOneLineAndNoOutput() throws Exception {
        Path dir = fresh("truncated");
        BufferedImage img = new BufferedImage(120, 90, BufferedImage.TYPE_BYTE_GRAY);
        Random rnd = new Random(3);
        for (int y = 0; y < 90; y++) {
            for (int x = 0; x < 120; x++) {
                img.getRaster().setSample(x, y, 0, rnd.nextInt(256));
            }
        }
        Path whole = dir.resolve("whole.png");
        ImageIO.write(img, "png", whole.toFile());
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.png");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));

        Path out = dir.resolve("out");
        Launcher.Run run = Launcher.run("enhance", "--with", "enhance.median", cut.toString(), "--out",
                out.toString());
        assertEquals(3, run.exitCode(), run.toString());
        assertEquals(1, run.err().lines().count(), run.toString());
        assertTrue(run.err().startsWith("loupe: " + cut + ": corrupt or truncated PNG data"), run.toString());
        assertFalse(Files.exists(out) && Files.list(out).findAny().isPresent(), "no partial output");
    }

    @Test
    void theComputeChoicesComeFromTheEnvironmentAndAWrongOneIsRefusedInOneLine() throws Exception {
        Launcher.Run cpu = Launcher.run(Map.of("LOUPE_DEVICE", "cpu", "LOUPE_TILE", "256"), "devices");
        assertEquals(0, cpu.exitCode(), cpu.toString());
        assertTrue(cpu.out().contains("Sessions use the CPU only; tiles of at most 256 pixels"), cpu.toString());
        Launcher.Run wrong = Launcher.run(Map.of("LOUPE_DEVICE", "gpu0"), "devices");
        assertEquals(2, wrong.exitCode(), wrong.toString());
        assertEquals("loupe: environment variable LOUPE_DEVICE: device 'gpu0': give auto or cpu", wrong.err().strip(),
                wrong.toString());
    }

    @Test
    void describeShowsTheTrainingRecordOfAShippedModel() throws Exception {
        for (String[] provider : new String[][] {{"enhance.xray", "xray.dm"}, {"enhance.srq", "srq.realistic"},
                {"detect.yolo", "detect.yolo"}}) {
            Launcher.Run run = Launcher.run("describe", provider[0]);
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.out().contains("  training record (from the shipped model's files):\n")
                    && run.out().contains("\n    Model " + provider[1] + " ")
                    && run.out().contains("      trainer: " + provider[0] + " ")
                    && run.out().contains("      scores:\n"), run.toString());
        }
    }

    @Test
    void anUnknownProviderGivesExitFour() throws Exception {
        Launcher.Run run = Launcher.run("enhance", "--with", "enhance.nonexistent",
                Launcher.samples().resolve("pcb-test.png").toString(), "--out", fresh("unknown").toString());
        assertEquals(4, run.exitCode(), run.toString());
        assertTrue(run.err().contains("provider 'enhance.nonexistent' is not installed"), run.toString());
    }

    @Test
    void aBadParameterGivesExitTwo() throws Exception {
        Launcher.Run run = Launcher.run("enhance", "--with", "enhance.gaussian", "--param", "sigma=-1",
                Launcher.samples().resolve("pcb-test.png").toString(), "--out", fresh("param").toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("parameter 'sigma'"), run.toString());
    }

    @Test
    void benchEnhanceTimesEveryLearnedEnhancerAgainstBicubic() throws Exception {
        Launcher.Run run = Launcher.run("bench", "enhance", "--size", "64", "--runs", "1", "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonArray results = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("results");
        assertEquals(4, results.size(), run.out());
        for (JsonElement r : results) {
            assertTrue(r.getAsJsonObject().get("outputMegapixelsPerSecond").getAsDouble() > 0, r.toString());
        }
        assertEquals("enhance.xray", results.get(3).getAsJsonObject().get("enhancer").getAsString());
    }

    @Test
    void demoWritesItsReport() throws Exception {
        Path dir = fresh("demo");
        Launcher.Run run = Launcher.run("demo", "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.toString());
        String html = Files.readString(dir.resolve("index.html"));
        // every enhancer on every sample it accepts: 3 classic + srq on all four, xray on the three grey ones
        assertEquals(19, html.split("alt=\"output\"", -1).length - 1, "results in the report");
        assertTrue(Files.size(dir.resolve("images/butterfly--enhance.bicubic.png")) > 1000);
        assertTrue(Files.exists(dir.resolve("images/butterfly--enhance.srq--detail.png")));
        assertTrue(html.contains("x2 of its /2 copy:") && html.contains("against the reference:"),
                "quality measured for the super-resolvers and against the X-ray sample's long exposure");
    }

    @Test
    void trainWritesAModelThatEnhanceRunsAndDevicesShowsTheCpu() throws Exception {
        Path dir = fresh("train");
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.copy(Launcher.samples().resolve("pcb-test.png"), data.resolve("pcb-test.png"));
        Launcher.Run train = Launcher.run("train", "enhance.model", "--dataset", data.toString(), "--out",
                dir.resolve("model").toString(), "--param", "steps=30", "--param", "batch=4", "--param", "patch=32",
                "--param", "depth=3", "--param", "width=4", "--param", "validate=10", "--param", "noise=0.05");
        assertEquals(0, train.exitCode(), train.toString());
        assertTrue(train.out().contains("30/30") && train.out().contains("ETA"), train.toString());
        Launcher.Run enhance = Launcher.run("enhance", "--with", "enhance.model", "--param", "model="
                + dir.resolve("model"), Launcher.samples().resolve("xray-board.tif").toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(0, enhance.exitCode(), enhance.toString());
        assertEquals(16, ImageIO.read(dir.resolve("out/xray-board.tif").toFile()).getRaster().getSampleModel()
                .getSampleSize(0), "a 16-bit frame stays 16-bit");
        Launcher.Run devices = Launcher.run("devices");
        assertEquals(0, devices.exitCode(), devices.toString());
        assertTrue(devices.out().contains("TensorFlow 2.18.0") && devices.out().contains("CPU"), devices.toString());
    }

    private static int median3x3(int[] v, int w, int h, int x, int y) {
        int[] window = new int[9];
        int k = 0;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int xx = Math.max(0, Math.min(w - 1, x + dx));
                int yy = Math.max(0, Math.min(h - 1, y + dy));
                window[k++] = v[yy * w + xx];
            }
        }
        Arrays.sort(window);
        return window[4];
    }
}
