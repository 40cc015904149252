package org.loupe.cli.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.image.ImageType;
import org.loupe.image.io.ImageFiles;
import org.loupe.testing.SyntheticImages;

/** {@code loupe train} with the residual denoiser trainer, and {@code loupe devices}. */
class TrainCommandTest {

    @TempDir
    Path dir;

    private Path cleanImages() throws Exception {
        Path clean = Files.createDirectories(dir.resolve("clean"));
        for (int i = 0; i < 2; i++) {
            ImageFiles.write(SyntheticImages.scene(ImageType.GRAY_U8, 64, 64, i), clean.resolve("c" + i + ".png"));
        }
        return clean;
    }

    private static List<String> small() {
        List<String> p = new ArrayList<>();
        for (String kv : new String[] {"steps=40", "batch=4", "patch=32", "depth=3", "width=4", "validate=20",
            "noise=0.05"}) {
            p.add("--param");
            p.add(kv);
        }
        return p;
    }

    @Test
    void trainingPrintsALiveTableWritesTheModelAndTheEnhancerRunsIt() throws Exception {
        List<String> args = new ArrayList<>(List.of("train", "enhance.model", "--dataset", cleanImages().toString(),
                "--out", dir.resolve("model").toString()));
        args.addAll(small());
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.toString());
        List<String> lines = run.out().lines().toList();
        String header = lines.stream().filter(l -> l.contains("EPOCH")).findFirst().orElseThrow();
        assertTrue(header.contains("ETA") && header.contains("LOSS") && header.contains("VALIDATION"), header);
        assertTrue(lines.stream().anyMatch(l -> l.contains("40/40")), run.out());
        assertTrue(run.out().contains("validation PSNR (dB)"), run.out());
        assertTrue(Files.exists(dir.resolve("model").resolve("loupe-model.json")));

        Path noisy = dir.resolve("noisy.png");
        ImageFiles.write(SyntheticImages.scene(ImageType.GRAY_U8, 50, 40, 7), noisy);
        CliRun enhance = CliRun.of("enhance", "--with", "enhance.model", "--param", "model=" + dir.resolve("model"),
                noisy.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, enhance.exitCode(), enhance.toString());
        assertEquals(ImageType.GRAY_U8, ImageFiles.read(dir.resolve("out").resolve("noisy.png")).type());
    }

    @Test
    void jsonPrintsOneObjectPerEventThenTheResult() throws Exception {
        List<String> args = new ArrayList<>(List.of("train", "enhance.model", "--json", "--dataset",
                cleanImages().toString(), "--out", dir.resolve("model").toString()));
        args.addAll(small());
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.toString());
        List<JsonObject> objects = run.out().lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
        assertEquals(40, objects.get(objects.size() - 2).get("iteration").getAsLong());
        JsonObject result = objects.get(objects.size() - 1);
        assertEquals(40, result.get("steps").getAsLong());
        assertTrue(result.getAsJsonObject("scores").has("validation L1"), result.toString());
    }

    @Test
    void badRequestsFailWithTheirExitCodesAndTouchNothing() throws Exception {
        assertEquals(4, CliRun.of("train", "no.such", "--dataset", dir.toString(), "--out",
                dir.resolve("m").toString()).exitCode());
        CliRun missing = CliRun.of("train", "enhance.model", "--dataset", dir.resolve("none").toString(), "--out",
                dir.resolve("m").toString());
        assertEquals(3, missing.exitCode(), missing.toString());
        assertEquals(1, missing.err().lines().count(), missing.err());
        Path file = Files.writeString(dir.resolve("precious.txt"), "keep me");
        CliRun onFile = CliRun.of("train", "enhance.model", "--dataset", cleanImages().toString(), "--out",
                file.toString(), "--param", "noise=0.05");
        assertEquals(3, onFile.exitCode(), onFile.toString());
        assertArrayEquals("keep me".getBytes(), Files.readAllBytes(file));
        assertEquals(2, CliRun.of("train", "enhance.model", "--dataset", dir.toString(), "--out",
                dir.resolve("m").toString(), "--param", "steps=0").exitCode());
    }

    @Test
    void devicesListsTensorFlowsCpuAndPluginsEndsWithIt() {
        CliRun run = CliRun.of("devices");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("TensorFlow 2.") && run.out().contains("CPU"), run.out());
        assertTrue(run.out().contains("Sessions use a GPU when one is visible, else the CPU; each model's own tile "
                + "size (LOUPE_DEVICE, LOUPE_TILE)."), run.out());
        CliRun plugins = CliRun.of("plugins");
        assertTrue(plugins.out().lines().anyMatch(l -> l.startsWith("TensorFlow 2.") && l.contains("CPU")),
                plugins.out());
        CliRun describe = CliRun.of("describe", "enhance.model", "--kind", "trainer");
        assertEquals(0, describe.exitCode(), describe.toString());
        assertTrue(describe.out().contains("(trainer)") && describe.out().contains("also:        an enhancer"),
                describe.out());
    }
}
