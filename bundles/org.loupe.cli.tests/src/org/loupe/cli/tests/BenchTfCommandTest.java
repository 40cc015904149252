package org.loupe.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class BenchTfCommandTest {

    @Test
    void benchTfReportsOverheadTilingAndTrainingFigures() {
        CliRun run = CliRun.of("bench", "tf", "--size", "64", "--runs", "1", "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonObject report = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonObject("report");
        JsonArray timings = report.getAsJsonArray("timings");
        assertEquals(6, timings.size(), timings.toString());
        for (var t : timings) {
            assertTrue(t.getAsJsonObject().get("millis").getAsDouble() > 0, t.toString());
        }
        assertTrue(timings.get(0).getAsJsonObject().get("name").getAsString().contains("tiled"));
        assertTrue(Double.isFinite(report.get("overheadPercent").getAsDouble()));
        assertTrue(report.get("tiledOverWhole").getAsDouble() > 0);
    }
}
