package org.loupe.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.image.ImageType;
import org.loupe.image.io.ImageFiles;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesAReportWithEveryEnhancerOnEverySample() throws Exception {
        CliRun run = CliRun.of("demo", "--out", dir.toString(), "--json");
        assertEquals(0, run.exitCode(), run.toString());
        String html = Files.readString(dir.resolve("index.html"));
        for (String sample : new String[] {"pcb-test.png", "butterfly.png", "xray-board.tif"}) {
            assertTrue(html.contains("<h2>" + sample + "</h2>"), sample);
        }
        JsonArray results = JsonParser.parseString(run.out()).getAsJsonArray();
        assertTrue(results.size() >= 9, "3 samples x 3 classic enhancers at least, got " + results.size());
        assertEquals(results, JsonParser.parseString(Files.readString(dir.resolve("results.json"))));
        assertTrue(Files.exists(dir.resolve("images/xray-board--enhance.median.png")));
        assertEquals(ImageType.GRAY_U16,
                ImageFiles.read(dir.resolve("outputs/xray-board--enhance.median.tif")).type(),
                "full-depth outputs keep 16 bits");
    }
}
