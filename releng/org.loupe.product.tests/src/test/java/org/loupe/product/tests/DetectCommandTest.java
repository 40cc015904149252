package org.loupe.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code loupe detect} with the shipped template detector on a bundled DeepPCB board and its template. */
class DetectCommandTest {

    private static final Path BOARD = Launcher.samples().resolve("deeppcb/group20085/20085/20085009_test.jpg");
    private static final Path TEMPLATE = Launcher.samples().resolve("deeppcb/group20085/20085/20085009_temp.jpg");
    private static final Path TRUTH = Launcher.samples().resolve("deeppcb/group20085/20085_not/20085009.txt");

    @Test
    void findsEveryAnnotatedDefectOfTheSampleBoardAndSavesThemInDeepPcbFormat() throws Exception {
        Path out = Launcher.fresh("detect-sample");
        Launcher.Run run = Launcher.run("detect", "--with", "detect.template", "--reference", TEMPLATE.toString(),
                BOARD.toString(), "--out", out.toString(), "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonArray printed = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("results").get(0)
                .getAsJsonObject().getAsJsonArray("detections");
        List<double[]> saved = Files.readAllLines(out.resolve("20085009_test.txt")).stream().map(l -> parse(l, ","))
                .toList();
        assertEquals(printed.size(), saved.size(), "every printed detection is saved");
        for (String line : Files.readAllLines(TRUTH)) {
            double[] t = parse(line, " ");
            // DeepPCB's protocol: same type, IoU above 0.33; saved lines are x1,y1,x2,y2,confidence,type
            assertTrue(saved.stream().anyMatch(d -> d[5] == t[4] && iou(d, t) > 0.33), "defect " + line + " found in "
                    + saved.size() + " detections: " + run.out());
        }
    }

    @Test
    void aTemplateOfAnotherBoardGivesExitThreeOneLineNamingItAndSavesNothing() throws Exception {
        Path other = Launcher.samples().resolve("deeppcb/group13000/13000/13000008_temp.jpg");
        Path out = Launcher.fresh("detect-misaligned").resolve("out");
        Launcher.Run run = Launcher.run("detect", "--with", "detect.template", "--reference", other.toString(),
                BOARD.toString(), "--out", out.toString());
        assertEquals(3, run.exitCode(), run.toString());
        assertEquals(1, run.err().lines().count(), run.toString());
        assertTrue(run.err().startsWith("loupe: " + other + ": does not line up with the board"), run.toString());
        assertFalse(Files.exists(out), "nothing saved");
    }

    @Test
    void aBoardWithoutItsTemplateIsRefusedWithTheReason() throws Exception {
        Launcher.Run run = Launcher.run("detect", "--with", "detect.template", BOARD.toString());
        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().contains("give the board's template as the reference (--reference FILE)"),
                run.toString());
    }

    private static double[] parse(String line, String separator) {
        String[] f = line.trim().split(separator);
        double[] v = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            v[i] = Double.parseDouble(f[i]);
        }
        return v;
    }

    private static double iou(double[] a, double[] b) {
        double w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
        double h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
        double inter = Math.max(0, w) * Math.max(0, h);
        return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter);
    }
}
