package org.loupe.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.image.GrayU16;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.testing.ReferenceFixtures;
import org.loupe.testing.SyntheticImages;

class MetricsCommandsTest {

    @TempDir
    Path dir;

    private Path write(String name, PixelImage img) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        ImageFiles.write(img, p);
        return p;
    }

    @Test
    void measurePsnrByShortNameMatchesTheReference() throws Exception {
        Path a = write("a.png", ReferenceFixtures.image("gray8_d"));
        Path b = write("b.png", ReferenceFixtures.image("gray8"));
        CliRun run = CliRun.of("measure", "--metric", "psnr", a.toString(), b.toString(), "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonObject o = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals("metric.psnr", o.getAsJsonObject("provider").get("id").getAsString());
        assertEquals(ReferenceFixtures.number("metrics", "psnr_gray8"), o.get("value").getAsDouble(), 1e-9);
    }

    @Test
    void measuringImagesOfDifferentSizesIsBadInput() throws Exception {
        Path a = write("a.png", SyntheticImages.scene(ImageType.GRAY_U8, 20, 20, 1));
        Path b = write("b.png", SyntheticImages.scene(ImageType.GRAY_U8, 21, 20, 1));
        CliRun run = CliRun.of("measure", "--metric", "ssim", a.toString(), b.toString());
        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("loupe: a.png: is 20x20 GRAY:UINT8:1 but its reference b.png is 21x20"),
                run.err());
    }

    @Test
    void anUnknownMetricIsAProviderError() throws Exception {
        Path a = write("a.png", SyntheticImages.scene(ImageType.GRAY_U8, 20, 20, 1));
        assertEquals(4, CliRun.of("measure", "--metric", "sharpness", a.toString(), a.toString()).exitCode());
    }

    @Test
    void evalSrScoresEveryImageAndTheMean() throws Exception {
        write("set/a.png", SyntheticImages.scene(ImageType.RGB_U8, 48, 40, 1));
        write("set/b.png", SyntheticImages.scene(ImageType.GRAY_U8, 33, 30, 2));
        CliRun run = CliRun.of("eval", "sr", "--dataset", dir.resolve("set").toString(), "--scale", "3", "--with",
                "enhance.bicubic", "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonObject o = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals(2, o.getAsJsonArray("images").size());
        assertEquals("3", o.getAsJsonObject("parameters").get("scale").getAsString().replace(".0", ""));
        JsonObject b = o.getAsJsonArray("images").get(1).getAsJsonObject();
        assertEquals(33, b.get("width").getAsInt(), "cropped to a multiple of 3");
        double mean = (o.getAsJsonArray("images").get(0).getAsJsonObject().get("psnr").getAsDouble()
                + b.get("psnr").getAsDouble()) / 2;
        assertEquals(mean, o.getAsJsonObject("mean").get("psnr").getAsDouble(), 1e-9);
    }

    @Test
    void evalSrOnAnEmptyFolderIsBadInput() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        CliRun run = CliRun.of("eval", "sr", "--dataset", dir.resolve("empty").toString(), "--scale", "2", "--with",
                "enhance.bicubic");
        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().contains("holds no images"), run.err());
    }

    @Test
    void analyzeNoiseRecoversTheNoiseOfEachSet() throws Exception {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 2; i++) {
            GrayU16 clean = (GrayU16) SyntheticImages.scene(ImageType.GRAY_U16, 80, 60, i);
            GrayU16 noisy = clean.copy();
            for (int y = 0; y < 60; y++) {
                for (int x = 0; x < 80; x++) {
                    noisy.setFloat(x, y, 0, (float) (clean.get(x, y) + 25 * rnd.nextGaussian()));
                }
            }
            write("hq/" + i + ".tif", clean);
            write("lq/" + i + ".tif", noisy);
        }
        Path plot = dir.resolve("plot.png");
        CliRun run = CliRun.of("analyze", "noise", "--noisy", dir.resolve("lq").toString(), "--clean",
                dir.resolve("hq").toString(), "--plot", plot.toString(), "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonObject set = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("sets").get(0)
                .getAsJsonObject();
        assertEquals(2, set.get("pairs").getAsInt());
        assertEquals(25, set.get("sigma").getAsDouble(), 1.5);
        assertTrue(set.get("ks").getAsDouble() < 0.03, run.out());
        assertTrue(Files.size(plot) > 5000, "the plot was written");
    }

    @Test
    void analyzeNoiseNamesAMissingCleanCounterpart() throws Exception {
        write("lq/only.tif", SyntheticImages.scene(ImageType.GRAY_U16, 8, 8, 1));
        Files.createDirectories(dir.resolve("hq"));
        CliRun run = CliRun.of("analyze", "noise", "--noisy", dir.resolve("lq").toString(), "--clean",
                dir.resolve("hq").toString(), "--plot", dir.resolve("p.png").toString());
        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().contains("only.tif: no clean counterpart"), run.err());
    }

    @Test
    void benchNumericsRunsWithoutTheReferenceLibraries() {
        CliRun run = CliRun.of("bench", "numerics", "--size", "64", "--runs", "1", "--no-reference");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("median 5x5 +16-bit +[0-9.]+")), run.out());
    }
}
