package org.loupe.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.DefectDetector;
import org.loupe.api.ProcessingContext;
import org.loupe.data.detection.DetectionDatasets;
import org.loupe.data.wafer.WaferDataset;
import org.loupe.testing.OsgiServices;
import org.osgi.framework.ServiceRegistration;

/** {@code loupe compare detectors}: backends side by side on the same images, in one table and one report. */
class CompareDetectorsCommandTest {

    @TempDir
    Path dir;

    @Test
    void twoDetectorsAreScoredOnTheSameWafersInOrderWithTheirOwnParameters() throws Exception {
        Path wafers = dir.resolve("wafers");
        WaferDataset.create(wafers, 6, 31, 300, "easy", DetectionDatasets.Layout.COCO, ProcessingContext.none());
        ServiceRegistration<DefectDetector> blind = OsgiServices.register(DefectDetector.class, "test.blind",
                (image, reference, ctx) -> List.of());
        try {
            Path report = dir.resolve("report");
            CliRun r = CliRun.of("compare", "detectors", "--dataset", wafers.toString(), "--with",
                    "detect.classic,test.blind", "-p", "detect.classic:threshold=16", "--report", report.toString(),
                    "--json");
            assertEquals(0, r.exitCode(), r.toString());
            JsonArray rows = JsonParser.parseString(r.out()).getAsJsonArray();
            assertEquals("detect.classic", rows.get(0).getAsJsonObject().get("detector").getAsString());
            assertEquals("16", rows.get(0).getAsJsonObject().getAsJsonObject("parameters").get("threshold")
                    .getAsString());
            JsonObject classic = rows.get(0).getAsJsonObject().getAsJsonObject("report");
            JsonObject none = rows.get(1).getAsJsonObject().getAsJsonObject("report");
            assertEquals(6, classic.get("images").getAsInt());
            assertTrue(classic.getAsJsonObject("counts").get("tp").getAsInt() > 0, r.out());
            assertEquals(0, none.getAsJsonObject("counts").get("tp").getAsInt());
            assertEquals(classic.getAsJsonObject("counts").get("tp").getAsInt()
                    + classic.getAsJsonObject("counts").get("fn").getAsInt(),
                    none.getAsJsonObject("counts").get("fn").getAsInt(), "the same annotated defects for both");
            assertTrue(Files.readString(report.resolve("index.html")).contains("compare-map.png"));
            assertEquals(2, CliRun.of("compare", "detectors", "--dataset", wafers.toString(), "--with",
                    "detect.classic", "-p", "threshold=16").exitCode(), "a parameter names its detector");
        } finally {
            blind.unregister();
        }
    }
}
