package org.loupe.product.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Drives the workbench under an X server through what broke in an analyst's daily use (issue 25): dialogs without
 * their buttons, a template kept for the wrong board, Cancel ignored at a full progress bar, a read-out that lags
 * and mislabels, overlapping labels and a toolbar clipped in a small window, command-line wording, and Quit without
 * asking. The workbench's {@code DialogsSelfTest} and {@code DailyUseSelfTest} print one line per item; every item
 * must pass.
 */
class DailyUseTest {

    private static final List<String> ITEMS = List.of("1", "7-descriptions", "8-sample", "findings", "patch-truth",
            "measure", "drop", "region", "polygon", "keys", "profile", "histogram", "about", "help", "guide", "plugins",
            "title", "preferences", "compute-folders", "recent", "chain", "2", "3", "3-memory", "4", "5", "6", "7",
            "8-training", "8-quit");

    @Test
    void theWorkbenchHoldsUpInDailyUse() throws Exception {
        Path scratch = Launcher.fresh("daily-use");
        Path dataset = Files.createDirectories(scratch.resolve("train-data"));
        Files.copy(Launcher.samples().resolve("pcb-test.png"), dataset.resolve("pcb-test.png"),
                StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> env = new HashMap<>();
        XServer x = XServer.start();
        x.into(env);
        env.put("LOUPE_JAVA_OPTS", "-Dloupe.selftest.image=" + Launcher.samples().resolve("xray-board.tif")
                + " -Dloupe.selftest.screenshot=" + scratch.resolve("window.png")
                + " -Dloupe.selftest.train.dataset=" + dataset
                + " -Dloupe.selftest.daily=" + scratch.resolve("work")
                + " -Dloupe.selftest.daily.samples=" + Launcher.samples());
        Launcher.Run run;
        try {
            run = Launcher.run(env, "workbench");
        } finally {
            x.close();
        }
        assertEquals(0, run.exitCode(), run.toString());
        run.out().lines().filter(l -> l.startsWith("LOUPE-SELFTEST DAILY")).forEach(System.out::println);
        // every FAILED line fails the test, listed item or not (a whole phase that throws reports under its name)
        List<String> failed = new ArrayList<>(run.out().lines()
                .filter(l -> l.matches("LOUPE-SELFTEST DAILY \\S+ FAILED.*")).toList());
        for (String item : ITEMS) {
            if (!Pattern.compile("LOUPE-SELFTEST DAILY " + Pattern.quote(item) + " (OK|FAILED)").matcher(run.out())
                    .find()) {
                failed.add(item + ": no line");
            }
        }
        assertTrue(failed.isEmpty(), String.join("\n", failed) + "\n" + run);
        chainedSessionRunsAsAPipeline(run.out());
        // Measure Against Reference gives what loupe measure gives for the same sample and its 90 s frame
        Matcher gui = Pattern.compile("DAILY measure OK psnr=(\\S+) result=\\S+ ssim=(\\S+) ").matcher(run.out());
        assertTrue(gui.find(), run.out());
        for (String[] metric : new String[][] {{"psnr", gui.group(1)}, {"ssim", gui.group(2)}}) {
            Launcher.Run cli = Launcher.run("measure", "--metric", metric[0], "--json",
                    Launcher.samples().resolve("xray-s1-lq.tif").toString(),
                    Launcher.samples().resolve("xray-s1-hq.tif").toString());
            assertEquals(0, cli.exitCode(), cli.toString());
            Matcher value = Pattern.compile("\"value\": ([-0-9.eE]+)").matcher(cli.out());
            assertTrue(value.find(), cli.out());
            assertEquals(Double.parseDouble(value.group(1)), Double.parseDouble(metric[1]), 1e-5, metric[0]);
        }
    }

    /** The chain saved by the workbench (median, Use Result as Input, median), run by loupe run: the same pixels. */
    private static void chainedSessionRunsAsAPipeline(String out) throws Exception {
        Matcher m = Pattern.compile("DAILY chain OK pipeline=(\\S+) result=(\\S+) steps=2").matcher(out);
        assertTrue(m.find(), out);
        Path runOut = Launcher.fresh("daily-use-chain").resolve("out");
        Launcher.Run run = Launcher.run("run", m.group(1), "--out", runOut.toString());
        assertEquals(0, run.exitCode(), run.toString());
        Path written;
        try (var files = Files.list(runOut)) {
            written = files.filter(f -> f.getFileName().toString().startsWith("xray-board")).findFirst().orElseThrow();
        }
        java.awt.image.Raster a = javax.imageio.ImageIO.read(written.toFile()).getRaster();
        java.awt.image.Raster b = javax.imageio.ImageIO.read(Path.of(m.group(2)).toFile()).getRaster();
        assertEquals(b.getWidth(), a.getWidth());
        assertArrayEquals(b.getPixels(0, 0, b.getWidth(), b.getHeight(), (int[]) null),
                a.getPixels(0, 0, a.getWidth(), a.getHeight(), (int[]) null), written.toString());
    }
}
