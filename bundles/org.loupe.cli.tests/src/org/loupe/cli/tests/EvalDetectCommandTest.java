package org.loupe.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.image.GrayU8;
import org.loupe.image.RgbU8;
import org.loupe.image.io.ImageFiles;
import org.loupe.api.DefectDetector;
import org.loupe.api.Detection;
import org.loupe.data.deeppcb.DefectType;
import org.loupe.image.ImageType;
import org.loupe.image.io.ImageFiles;
import org.loupe.testing.OsgiServices;
import org.loupe.testing.SyntheticImages;
import org.osgi.framework.ServiceRegistration;

/**
 * A two-image DeepPCB-style data set. Image 1 has an open (1) and a short (2); image 2 a spur (4). Predictions: the
 * open found exactly (0.9), the short missed, a false spur in image 1 (0.8), the spur of image 2 found with IoU 0.5
 * (0.7). At threshold 0.5: TP 2, FP 1, FN 1, so precision 2/3, recall 2/3, F-score 2/3.
 */
class EvalDetectCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void dataset() throws Exception {
        Files.createDirectories(dir.resolve("g/1_not"));
        Files.createDirectories(dir.resolve("pred"));
        Files.writeString(dir.resolve("list.txt"), "g/1/001.jpg g/1_not/001.txt\ng/1/002.jpg g/1_not/002.txt\n");
        Files.writeString(dir.resolve("g/1_not/001.txt"), "10 10 30 30 1\n100 100 120 140 2\n");
        Files.writeString(dir.resolve("g/1_not/002.txt"), "50 50 70 70 4\n");
        Files.writeString(dir.resolve("pred/001.txt"), "10,10,30,30,0.9,1\n200,200,210,210,0.8,4\n");
        Files.writeString(dir.resolve("pred/002.txt"), "50,50,80,70,0.7,4\n");
    }

    private CliRun run(String... extra) {
        String[] base = {"eval", "detect", "--dataset", dir.toString(), "--list", dir.resolve("list.txt").toString(),
            "--predictions", dir.resolve("pred").toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return CliRun.of(all);
    }

    @Test
    void scoresPredictionFilesWithTheDeepPcbProtocol() {
        CliRun r = run("--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(2, o.getAsJsonObject("counts").get("tp").getAsInt());
        assertEquals(1, o.getAsJsonObject("counts").get("fp").getAsInt());
        assertEquals(1, o.getAsJsonObject("counts").get("fn").getAsInt());
        assertEquals(2.0 / 3, o.get("fScore").getAsDouble(), 1e-12);
        // AP: open 1, short 0, spur: ranked FP (0.8) then TP (0.7) with one object: 1/2. mAP = 1.5 / 3
        assertEquals(0.5, o.get("mAP").getAsDouble(), 1e-12);
        assertEquals(16, o.getAsJsonArray("costs").size());
    }

    /**
     * Three objects. Misses cost 10, alarms 1: keeping nothing costs 30; from 0.9 (the open hit) 20; from 0.8 (and
     * the spur alarm) 21; from 0.7 (and the spur hit) 11, the cheapest, which the default threshold 0.5 also costs.
     */
    @Test
    void theCheapestThresholdAndAnHtmlReportWithPlotsAreOffered() throws Exception {
        Path report = dir.resolve("report");
        Files.createDirectories(dir.resolve("g/1"));
        ImageFiles.write(GrayU8.create(256, 256), dir.resolve("g/1/001_test.jpg"));
        CliRun r = run("--cost", "10:1", "--report", report.toString(), "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonObject cheapest = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("cheapestThresholds")
                .get(0).getAsJsonObject();
        assertEquals(0.7, cheapest.get("threshold").getAsDouble(), 0);
        assertEquals(11, cheapest.get("cost").getAsDouble(), 0);
        assertEquals(11, cheapest.get("costAtThreshold").getAsDouble(), 0);
        // pair 001 misses the short and has the spur alarm; 002 is right: only 001 is among the worst images
        JsonArray worst = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("worstImages");
        assertEquals(1, worst.size(), r.out());
        assertEquals("001", worst.get(0).getAsJsonObject().get("image").getAsString());
        assertEquals(1, worst.get(0).getAsJsonObject().get("misses").getAsInt());
        assertEquals(1, worst.get(0).getAsJsonObject().get("falseAlarms").getAsInt());
        String html = Files.readString(report.resolve("index.html"));
        for (String plot : new String[] {"detect-ap.png", "detect-pr.png", "detect-iou.png", "detect-cost.png"}) {
            assertTrue(html.contains(plot) && Files.size(report.resolve(plot)) > 1000, plot);
        }
        // the worst image's thumbnail (240 px for 256): the false alarm at 200,200 drawn red, the short at 100,100 green
        assertTrue(html.contains("detect-worst-1.png"), html);
        RgbU8 thumb = (RgbU8) ImageFiles.read(report.resolve("detect-worst-1.png"));
        assertEquals(240, thumb.width());
        assertEquals(255, thumb.get(187, 190, 0));
        assertEquals(220, thumb.get(93, 100, 1));
        assertEquals(2, run("--cost", "10").exitCode(), "a cost pair needs both costs");
    }

    @Test
    void aBadAnnotationLineIsBadInputNamingFileAndLine() throws Exception {
        Files.writeString(dir.resolve("g/1_not/002.txt"), "50 50 70 70 4\n50 50 seventy 70 4\n");
        CliRun r = run();
        assertEquals(3, r.exitCode(), r.toString());
        assertEquals("loupe: " + dir.resolve("g/1_not/002.txt") + ":2: x2 'seventy' is not a number\n", r.err());
    }

    @Test
    void aBadPredictionLineIsBadInputNamingFileAndLine() throws Exception {
        Files.writeString(dir.resolve("pred/001.txt"), "10,10,30,30,1.5,1\n");
        CliRun r = run();
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("001.txt:1: confidence 1.5 is not in [0, 1]"), r.err());
    }

    @Test
    void aPredictionFolderWithoutAnyMatchingFileIsBadInput() throws Exception {
        Files.createDirectories(dir.resolve("elsewhere"));
        CliRun r = CliRun.of("eval", "detect", "--dataset", dir.toString(), "--list",
                dir.resolve("list.txt").toString(), "--predictions", dir.resolve("elsewhere").toString());
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("holds no prediction file"), r.err());
    }

    @Test
    void anEmptyListIsBadInput() throws Exception {
        Files.writeString(dir.resolve("list.txt"), "\n");
        assertEquals(3, run().exitCode());
    }

    @Test
    void aPairThatCannotBeProcessedCountsAsMissedAndTheOthersAreScored() throws Exception {
        Files.createDirectories(dir.resolve("g/1"));
        ImageFiles.write(SyntheticImages.scene(ImageType.GRAY_U8, 64, 64, 1), dir.resolve("g/1/001_test.jpg"));
        ImageFiles.write(SyntheticImages.scene(ImageType.GRAY_U8, 64, 64, 1), dir.resolve("g/1/001_temp.jpg"));
        // pair 002's images are missing: it cannot be processed
        String open = DefectType.ofCode(1).orElseThrow().label();
        ServiceRegistration<DefectDetector> reg = OsgiServices.register(DefectDetector.class, "test.open-finder",
                (image, reference, ctx) -> List.of(new Detection(10, 10, 30, 30, open, 0.9)));
        try {
            CliRun r = CliRun.of("eval", "detect", "--dataset", dir.toString(), "--list", dir.resolve("list.txt")
                    .toString(), "--with", "test.open-finder", "--json");
            assertEquals(3, r.exitCode(), r.toString());
            assertEquals(1, r.err().lines().count(), r.toString());
            assertTrue(r.err().contains("002_test.jpg: no such file"), r.err());
            JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
            assertEquals(2, o.get("images").getAsInt());
            assertEquals("002", o.getAsJsonArray("unprocessedCountedAsMissed").get(0).getAsString());
            assertEquals(1, o.getAsJsonObject("counts").get("tp").getAsInt());
            assertEquals(0, o.getAsJsonObject("counts").get("fp").getAsInt());
            assertEquals(2, o.getAsJsonObject("counts").get("fn").getAsInt(), "the spur of pair 002 is missed");
        } finally {
            reg.unregister();
        }
    }
}
