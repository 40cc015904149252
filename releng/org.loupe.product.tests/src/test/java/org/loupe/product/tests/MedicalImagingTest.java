package org.loupe.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * CT phantoms made, segmented (by EM and by the U-Net) and scored through the command line, as a lab would run them.
 */
class MedicalImagingTest {

    @Test
    void phantomsAreMadeSegmentedByEmAndTheUNetAndScoredInMillimetres() throws Exception {
        Path work = Launcher.fresh("medical");
        Path set = work.resolve("phantoms");
        Launcher.Run made = Launcher.run("data", "ct-liver", "--out", set.toString(), "--count", "2", "--seed", "7",
                "--size", "128", "--slices", "48");
        assertEquals(0, made.exitCode(), made.toString());
        assertTrue(made.out().contains("not patients"), made.out());
        assertTrue(Files.isRegularFile(set.resolve("case-002/couinaud.nii.gz")));

        Launcher.Run eval = Launcher.run("eval", "segment", "--dataset", set.toString(), "--with",
                "segment.liver.em", "--json");
        assertEquals(0, eval.exitCode(), eval.toString());
        JsonObject summary = JsonParser.parseString(eval.out()).getAsJsonObject().getAsJsonObject("summary");
        double dice = summary.getAsJsonObject("dice").get("mean").getAsDouble();
        assertTrue(dice > 0.93, "liver Dice of EM at 2.8 mm pixels: " + dice);
        assertTrue(summary.getAsJsonObject("hausdorff95Mm").get("mean").getAsDouble() < 15, eval.out());

        // the U-Net trained in Loupe against EM, in one table
        Launcher.Run compared = Launcher.run("compare", "segmenters", "--dataset", set.toString(), "--with",
                "segment.liver.em,segment.liver.unet", "--json");
        assertEquals(0, compared.exitCode(), compared.toString());
        JsonArray rows = JsonParser.parseString(compared.out()).getAsJsonArray();
        assertEquals("segment.liver.unet", rows.get(1).getAsJsonObject().get("segmenter").getAsString());
        double unet = rows.get(1).getAsJsonObject().getAsJsonObject("dice").get("mean").getAsDouble();
        assertTrue(unet > 0.95, "liver Dice of the U-Net at 2.8 mm pixels: " + unet);
        assertTrue(rows.get(1).getAsJsonObject().getAsJsonObject("higherDiceThanFirst").get("of").getAsInt() == 2,
                compared.out());

        Launcher.Run seg = Launcher.run("segment", "--with", "segment.liver.em", set.resolve("case-001/ct").toString(),
                set.resolve("case-002/ct").toString(), "--out", work.resolve("masks").toString());
        assertEquals(0, seg.exitCode(), seg.toString());
        assertTrue(Files.isRegularFile(work.resolve("masks/case-001-ct.labels.nii.gz")), seg.toString());
        assertTrue(Files.isRegularFile(work.resolve("masks/case-002-ct.labels.nii.gz")), seg.toString());
    }

    @Test
    void theLiverPipelineWritesMasksLesionsHeatMapsAndItsMeasures() throws Exception {
        Path work = Launcher.fresh("liver-pipeline");
        Path set = work.resolve("phantoms");
        Launcher.Run made = Launcher.run("data", "ct-liver", "--out", set.toString(), "--count", "2", "--seed", "8",
                "--size", "160", "--slices", "48");
        assertEquals(0, made.exitCode(), made.toString());
        Path out = work.resolve("run");
        Path pipeline = Path.of(System.getProperty("loupe.launcher")).getParent()
                .resolve("examples/pipelines/liver.json");
        Launcher.Run run = Launcher.run("run", pipeline.toString(), "--input", set.toString(), "--out",
                out.toString());
        assertEquals(0, run.exitCode(), run.toString());
        for (String c : new String[] {"case-001", "case-002"}) {
            for (String f : new String[] {".segment.liver.em.nii.gz", ".locate.couinaud.nii.gz",
                ".classify.liver.lesion.nii.gz", ".lesions.csv"}) {
                assertTrue(Files.isRegularFile(out.resolve(c + f)), c + f + " in " + run);
            }
        }
        try (var files = Files.list(out)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().matches("case-00\\d\\.lesion-\\d+\\.png")),
                    "a heat-map picture per lesion");
        }
        JsonObject lesions = JsonParser.parseString(Files.readString(out.resolve("run.json"))).getAsJsonObject()
                .getAsJsonObject("lesions");
        assertTrue(lesions.has("tumour sensitivity from 10 mm") && lesions.has("specificity for tumour")
                && lesions.has("found lesions in their segment by locate.couinaud"), lesions.toString());
        String summary = Files.readString(out.resolve("summary.csv"));
        assertTrue(summary.contains("segment.liver.em dice") && summary.contains("locate.couinaud accuracy"),
                summary);
        assertTrue(Files.readString(out.resolve("report.html")).contains("Lesion heat maps"));
        // the same chain with the U-Net as its liver step is valid against the installed providers
        Launcher.Run unet = Launcher.run("run", pipeline.resolveSibling("liver-unet.json").toString(), "--input",
                set.toString(), "--out", work.resolve("run-unet").toString(), "--dry-run");
        assertEquals(0, unet.exitCode(), unet.toString());
        assertTrue(unet.out().contains("segment segment.liver.unet") && unet.out().contains("2 to compute"),
                unet.toString());
    }

    @Test
    void lesionPatchesAreCutAndTheLesionChainIsScoredOrRefusedInOneLine() throws Exception {
        Path work = Launcher.fresh("lesions");
        Path set = work.resolve("phantoms");
        assertEquals(0, Launcher.run("data", "ct-liver", "--out", set.toString(), "--count", "2", "--seed", "9",
                "--size", "160", "--slices", "48").exitCode());
        Path patches = work.resolve("patches");
        Launcher.Run cut = Launcher.run("data", "lesion-patches", "--from", set.toString(), "--out",
                patches.toString(), "--slices", "1");
        assertEquals(0, cut.exitCode(), cut.toString());
        String csv = Files.readString(patches.resolve("patches.csv"));
        assertTrue(csv.startsWith("file,case,class,"), csv);
        assertTrue(csv.lines().count() > 1, "at least one candidate: " + csv);
        assertTrue(Files.readString(patches.resolve("lesion-patches.json")).contains("not patients"));

        Launcher.Run eval = Launcher.run("eval", "lesions", "--dataset", set.toString(), "--json");
        assertEquals(0, eval.exitCode(), eval.toString());
        JsonObject o = JsonParser.parseString(eval.out()).getAsJsonObject();
        assertEquals(2, o.get("cases").getAsInt());
        assertTrue(o.getAsJsonObject("candidateMatrix").has("tumour") && o.has("tumourSensitivityBySizeMm")
                && o.has("specificity"), eval.out());
        long matrixTotal = o.getAsJsonObject("candidateMatrix").entrySet().stream().mapToLong(row -> row.getValue()
                .getAsJsonObject().entrySet().stream().mapToLong(cell -> cell.getValue().getAsLong()).sum()).sum();
        assertEquals(matrixTotal, o.getAsJsonArray("candidates").size(), "every candidate of the matrix is listed");

        Launcher.Run empty = Launcher.run("eval", "lesions", "--dataset", work.resolve("patches").toString());
        assertEquals(3, empty.exitCode(), empty.toString());
        assertEquals(1, empty.err().strip().lines().count(), empty.toString());
        assertTrue(empty.err().contains("no case folder with case.json"), empty.toString());
    }
}
