package org.loupe.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.numerics.noise.NoiseStats;
import org.loupe.numerics.stats.GaussianFit;
import org.loupe.numerics.stats.Histogram;
import org.loupe.report.Charts;
import org.loupe.report.Csv;
import org.loupe.report.Html;

class ReportTest {

    @TempDir
    Path dir;

    @Test
    void csvQuotesFieldsThatWouldShiftColumns() {
        String csv = new Csv(List.of("file", "reason")).row(List.of("a,b.png", "said \"no\"\nthen stopped"))
                .row(java.util.Arrays.asList("plain.png", null)).toString();
        assertEquals("file,reason\n\"a,b.png\",\"said \"\"no\"\"\nthen stopped\"\nplain.png,\n", csv);
    }

    @Test
    void htmlEscapesEveryTextAndWritesOnePage() throws Exception {
        Path page = dir.resolve("index.html");
        new Html("<run> & \"co\"").paragraph("a<b").table(List.of("name"), List.of(List.of("<script>"),
                List.of(Html.Cell.thumbnail("x\".png", "alt")))).write(page);
        String html = Files.readString(page);
        assertTrue(html.contains("<h1>&lt;run&gt; &amp; &quot;co&quot;</h1>"), html);
        assertTrue(html.contains("<td>&lt;script&gt;</td>"), html);
        assertTrue(html.contains("src=\"x&quot;.png\""), html);
        assertFalse(html.contains("<script>"), html);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(page), files.toList(), "no temporary file is left beside the page");
        }
    }

    @Test
    void chartsArePngsOfTheAskedSize() throws Exception {
        Map<String, Double> bars = new LinkedHashMap<>();
        bars.put("open", 0.9);
        bars.put("short", 0.7);
        Charts.bars("AP per class", "AP", bars).writePng(dir.resolve("bars.png"), 400, 300);
        Charts.distribution("PSNR", "dB", new double[] {30, 31, 31.5, 32, 35}).writePng(dir.resolve("h.png"),
                320, 200);
        Charts.curves("sensitivity", "IoU", "mAP", Map.of("mAP", List.of(new double[] {0.1, 0.9},
                new double[] {0.5, 0.6}))).writePng(dir.resolve("c.png"), 300, 200);
        long[] counts = new long[200];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = Math.round(1000 * Math.exp(-0.5 * Math.pow((i - 100) / 20.0, 2)));
        }
        Histogram h = new Histogram(-100, 1, counts);
        Charts.noise(List.of(new NoiseStats("set", 3, new GaussianFit(h.total(), 0, 20, 0.01), h)))
                .writePng(dir.resolve("noise.png"), 960, 540);
        for (String[] f : new String[][] {{"bars.png", "400", "300"}, {"h.png", "320", "200"},
            {"c.png", "300", "200"}, {"noise.png", "960", "540"}}) {
            BufferedImage img = ImageIO.read(dir.resolve(f[0]).toFile());
            assertEquals(Integer.parseInt(f[1]), img.getWidth(), f[0]);
            assertEquals(Integer.parseInt(f[2]), img.getHeight(), f[0]);
        }
    }
}
