package org.loupe.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.ProcessingContext;
import org.loupe.data.detection.DetectionDatasets;
import org.loupe.data.wafer.WaferDataset;

/** {@code loupe bench detect --against}: a reference detector's result printed beside the measured one. */
class BenchDetectCommandTest {

    @TempDir
    Path dir;
    private Path wafers;

    @BeforeEach
    void wafers() throws Exception {
        wafers = dir.resolve("wafers");
        WaferDataset.create(wafers, 4, 31, 200, "easy", DetectionDatasets.Layout.COCO, ProcessingContext.none());
    }

    @Test
    void theReferenceIsPrintedWithTheRatioOfTheMeasuredSpeedToItsSpeed() throws Exception {
        Path ref = Files.writeString(dir.resolve("fcos.json"), "{\"model\": \"fcos (test)\", \"mAP50\": 0.25, "
                + "\"imagesPerSecond\": 0.5, \"threads\": 2, \"testImages\": 100, \"trainSeconds\": 3600}");
        CliRun r = CliRun.of("bench", "detect", "--dataset", wafers.toString(), "--with", "detect.classic",
                "--images", "8", "--threads", "1", "--against", ref.toString(), "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(0.25, o.getAsJsonObject("against").get("map50").getAsDouble());
        assertEquals(o.get("imagesPerSecond").getAsDouble() / 0.5, o.get("timesFasterThanAgainst").getAsDouble(),
                1e-9);
        CliRun text = CliRun.of("bench", "detect", "--dataset", wafers.toString(), "--with", "detect.classic",
                "--images", "8", "--threads", "1", "--against", ref.toString());
        assertTrue(text.out().contains("against fcos (test) (measured by its script on 100 test images, 2 threads, "
                + "after 60 min of training): 0.50 images/s, mAP@0.5 0.250"), text.out());
    }

    @Test
    void aFileThatIsNoReferenceResultIsRefusedInOneLineBeforeAnyTiming() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"model\": \"x\"}");
        CliRun r = CliRun.of("bench", "detect", "--dataset", wafers.toString(), "--with", "detect.classic",
                "--against", bad.toString());
        assertEquals(3, r.exitCode(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(bad.toString()) && r.err().contains("torchvision_detectors.py"), r.err());
    }
}
