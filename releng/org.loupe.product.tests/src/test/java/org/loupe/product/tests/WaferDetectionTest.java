package org.loupe.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The classical backend end to end through {@code ./loupe}: synthetic wafers are made, {@code detect.classic} is
 * trained by its grid search and saved, a fresh process reloads the model folder and detects exactly what another
 * fresh process detects, and {@code eval detect} scores it on a COCO folder of other wafers.
 */
class WaferDetectionTest {

    @Test
    void wafersTrainSaveReloadAndEvaluateTheClassicalDetector() throws Exception {
        Path dir = Launcher.fresh("wafers");
        Path train = dir.resolve("train");
        Path test = dir.resolve("test");
        Launcher.Run made = Launcher.run("data", "wafers", "--out", train.toString(), "--count", "30", "--seed", "21",
                "--json");
        assertEquals(0, made.exitCode(), made.toString());
        assertEquals(30, JsonParser.parseString(made.out()).getAsJsonObject().get("images").getAsInt());
        assertEquals(0, Launcher.run("data", "wafers", "--out", test.toString(), "--count", "10", "--seed", "22",
                "--layout", "yolo").exitCode());
        Path model = dir.resolve("model");
        Launcher.Run trained = Launcher.run("train", "detect.classic", "--dataset", train.toString(), "--out",
                model.toString(), "-p", "blur=1,3", "-p", "threshold=12,20");
        assertEquals(0, trained.exitCode(), trained.toString());
        assertTrue(Files.readString(model.resolve("loupe-model.json")).contains("\"datasetHash\""));
        Path wafer = test.resolve("images/wafer-00001.png");
        Launcher.Run first = Launcher.run("detect", "--with", "detect.classic", "-p", "model=" + model,
                wafer.toString(), "--json");
        Launcher.Run second = Launcher.run("detect", "--with", "detect.classic", "-p", "model=" + model,
                wafer.toString(), "--json");
        assertEquals(0, first.exitCode(), first.toString());
        assertEquals(JsonParser.parseString(first.out()).getAsJsonObject().get("results"),
                JsonParser.parseString(second.out()).getAsJsonObject().get("results"), "reloaded, the same detections");
        Launcher.Run eval = Launcher.run("eval", "detect", "--dataset", test.toString(), "--with", "detect.classic",
                "-p", "model=" + model, "--json");
        assertEquals(0, eval.exitCode(), eval.toString());
        JsonObject report = JsonParser.parseString(eval.out()).getAsJsonObject();
        assertEquals(10, report.get("images").getAsInt());
        assertTrue(report.get("mAP50").getAsDouble() > 0.2, "the trained detector finds wafer defects: " + eval.out());
        Launcher.Run broken = Launcher.run("detect", "--with", "detect.classic", "-p", "model=" + dir, wafer.toString());
        assertEquals(4, broken.exitCode(), broken.toString());
        assertTrue(broken.err().contains("loupe-model.json"), broken.toString());
    }
}
