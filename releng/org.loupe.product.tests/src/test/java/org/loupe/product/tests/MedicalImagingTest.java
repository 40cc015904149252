package org.loupe.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** CT phantoms made, segmented and scored through the command line, as a lab would run them. */
class MedicalImagingTest {

    @Test
    void phantomsAreMadeSegmentedByEmAndScoredInMillimetres() throws Exception {
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

        Launcher.Run seg = Launcher.run("segment", "--with", "segment.liver.em", set.resolve("case-001/ct").toString(),
                set.resolve("case-002/ct").toString(), "--out", work.resolve("masks").toString());
        assertEquals(0, seg.exitCode(), seg.toString());
        assertTrue(Files.isRegularFile(work.resolve("masks/case-001-ct.labels.nii.gz")), seg.toString());
        assertTrue(Files.isRegularFile(work.resolve("masks/case-002-ct.labels.nii.gz")), seg.toString());
    }
}
