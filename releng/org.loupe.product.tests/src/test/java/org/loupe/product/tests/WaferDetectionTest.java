package org.loupe.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three detector backends end to end through {@code ./loupe} on synthetic wafers: each is trained (the learned
 * ones for a few steps only: this checks the plumbing, not the quality), saved, reloaded by two fresh processes that
 * detect exactly the same, and scored by {@code eval detect} on a YOLO folder of other wafers; a backend that cannot
 * run falls back to the classical one with a warning, or exits 4 with {@code --no-fallback}.
 */
class WaferDetectionTest {

    private static Path dir;
    private static Path train;
    private static Path test;
    private static Path wafer;

    @BeforeAll
    static void makeWafers() throws Exception {
        dir = Launcher.fresh("wafers");
        train = dir.resolve("train");
        test = dir.resolve("test");
        Launcher.Run made = Launcher.run("data", "wafers", "--out", train.toString(), "--count", "30", "--seed", "21",
                "--json");
        assertEquals(0, made.exitCode(), made.toString());
        assertEquals(30, JsonParser.parseString(made.out()).getAsJsonObject().get("images").getAsInt());
        assertEquals(0, Launcher.run("data", "wafers", "--out", test.toString(), "--count", "10", "--seed", "22",
                "--layout", "yolo").exitCode());
        wafer = test.resolve("images/wafer-00001.png");
    }

    @Test
    void theClassicalDetectorIsTrainedByGridSearchSavedReloadedAndEvaluated() throws Exception {
        Path model = dir.resolve("classic");
        Launcher.Run trained = Launcher.run("train", "detect.classic", "--dataset", train.toString(), "--out",
                model.toString(), "-p", "blur=1,3", "-p", "threshold=12,20");
        assertEquals(0, trained.exitCode(), trained.toString());
        assertTrue(Files.readString(model.resolve("loupe-model.json")).contains("\"datasetHash\""));
        assertSameDetectionsInTwoFreshProcesses("detect.classic", model);
        JsonObject report = evaluate("detect.classic", model);
        assertTrue(report.get("mAP50").getAsDouble() > 0.2, "the trained detector finds wafer defects: " + report);
        Launcher.Run broken = Launcher.run("detect", "--with", "detect.classic", "-p", "model=" + dir, wafer.toString());
        assertEquals(4, broken.exitCode(), broken.toString());
        assertTrue(broken.err().contains("loupe-model.json"), broken.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"detect.yolo", "detect.rcnn"})
    void aLearnedBackendIsTrainedSavedReloadedInFreshProcessesAndEvaluated(String backend) throws Exception {
        Path model = dir.resolve(backend);
        Launcher.Run trained = Launcher.run("train", backend, "--dataset", train.toString(), "--out", model.toString(),
                "-p", "steps=20", "-p", "batch=2", "-p", "patch=128", "-p", "validate=10");
        assertEquals(0, trained.exitCode(), trained.toString());
        String sidecar = Files.readString(model.resolve("loupe-model.json"));
        for (String recorded : new String[] {"\"classes\"", "\"datasetHash\"", "\"loupeVersion\"",
                "\"validation mAP@0.5\""}) {
            assertTrue(sidecar.contains(recorded), recorded + " in " + sidecar);
        }
        assertSameDetectionsInTwoFreshProcesses(backend, model);
        JsonObject report = evaluate(backend, model);
        assertTrue(Double.isFinite(report.get("mAP50").getAsDouble()), report.toString());
    }

    @Test
    void aDetectorThatCannotRunFallsBackToTheClassicalOneUnlessToldNotTo() throws Exception {
        Path broken = dir.resolve("broken-model");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("loupe-model.json"), "{ not a sidecar");
        Launcher.Run fell = Launcher.run("detect", "--with", "detect.yolo", "-p", "model=" + broken, wafer.toString(),
                "--json");
        assertEquals(0, fell.exitCode(), fell.toString());
        long warnings = fell.err().lines().filter(l -> l.startsWith("loupe: warning: detect.yolo cannot run ("))
                .count();
        assertEquals(1, warnings, fell.err());
        assertTrue(fell.err().contains("detecting with detect.classic instead"), fell.err());
        assertTrue(!fell.err().contains("https://"), "no library's troubleshooting link: " + fell.err());
        JsonObject out = JsonParser.parseString(fell.out()).getAsJsonObject();
        assertEquals("detect.classic", out.getAsJsonObject("detector").get("id").getAsString());
        Launcher.Run classic = Launcher.run("detect", "--with", "detect.classic", wafer.toString(), "--json");
        assertEquals(JsonParser.parseString(classic.out()).getAsJsonObject().get("results"), out.get("results"),
                "the fallback's detections are the classical detector's");
        Launcher.Run refused = Launcher.run("detect", "--with", "detect.yolo", "-p", "model=" + broken,
                wafer.toString(), "--no-fallback");
        assertEquals(4, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("cannot run"), refused.err());
        Path missing = test.resolveSibling("no-such-model");
        Launcher.Run noModel = Launcher.run("eval", "detect", "--dataset", test.toString(), "--with", "detect.rcnn",
                "-p", "model=" + missing, "--no-fallback");
        assertEquals(4, noModel.exitCode(), noModel.toString());
        assertTrue(noModel.err().contains("cannot run") && noModel.err().contains("no-such-model"), noModel.err());
    }

    private static void assertSameDetectionsInTwoFreshProcesses(String backend, Path model) throws Exception {
        JsonElement[] results = new JsonElement[2];
        for (int i = 0; i < 2; i++) {
            Launcher.Run r = Launcher.run("detect", "--with", backend, "-p", "model=" + model, "--score-threshold",
                    "0", wafer.toString(), "--json");
            assertEquals(0, r.exitCode(), r.toString());
            results[i] = JsonParser.parseString(r.out()).getAsJsonObject().get("results");
        }
        assertEquals(results[0], results[1], "reloaded, the same detections");
    }

    private static JsonObject evaluate(String backend, Path model) throws Exception {
        Launcher.Run eval = Launcher.run("eval", "detect", "--dataset", test.toString(), "--with", backend, "-p",
                "model=" + model, "--json");
        assertEquals(0, eval.exitCode(), eval.toString());
        JsonObject report = JsonParser.parseString(eval.out()).getAsJsonObject();
        assertEquals(10, report.get("images").getAsInt());
        return report;
    }
}
