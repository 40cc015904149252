package org.loupe.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Launches the workbench product under an X server (Xvfb when no display is set), opens the 16-bit X-ray sample,
 * runs the median enhancer through the workbench's own document and job, trains a small denoiser through the
 * Training view, and saves screenshots of both under target/.
 */
class WorkbenchTest {

    @Test
    void theWorkbenchOpensAnImageRunsAnEnhancerAndShowsTheResult() throws Exception {
        Path screenshot = Launcher.work().resolve("workbench-screenshot.png");
        Path result = Launcher.work().resolve("workbench-result.tif");
        Path trainShot = Launcher.work().resolve("workbench-training.png");
        Path dataset = Files.createDirectories(Launcher.work().resolve("workbench-train-data"));
        Files.copy(Launcher.samples().resolve("pcb-test.png"), dataset.resolve("pcb-test.png"),
                StandardCopyOption.REPLACE_EXISTING);
        for (Path p : new Path[] {screenshot, result, trainShot}) {
            Files.deleteIfExists(p);
        }
        Process xvfb = null;
        Map<String, String> env = new HashMap<>();
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            int n = freeDisplay();
            xvfb = startXvfb(n);
            display = ":" + n;
        }
        env.put("DISPLAY", display);
        env.put("NO_AT_BRIDGE", "1");
        env.put("LOUPE_JAVA_OPTS", "-Dloupe.selftest.image=" + Launcher.samples().resolve("xray-board.tif")
                + " -Dloupe.selftest.enhancer=enhance.median -Dloupe.selftest.screenshot=" + screenshot
                + " -Dloupe.selftest.result=" + result + " -Dloupe.selftest.train.dataset=" + dataset
                + " -Dloupe.selftest.train.out=" + Launcher.work().resolve("workbench-model")
                + " -Dloupe.selftest.train.params=steps=60,batch=4,patch=32,depth=3,width=4,validate=20,noise=0.05"
                + " -Dloupe.selftest.train.screenshot=" + trainShot);
        try {
            Launcher.Run run = Launcher.run(env, "workbench");
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.out().contains("LOUPE-SELFTEST OK image=GRAY:UINT16:1 256x256 result=GRAY:UINT16:1"),
                    run.toString());
            assertTrue(run.out().contains("LOUPE-SELFTEST TRAIN OK events=6 steps=60"), run.toString());
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
                xvfb.waitFor(10, TimeUnit.SECONDS);
            }
        }
        BufferedImage shot = ImageIO.read(screenshot.toFile());
        assertTrue(shot.getWidth() >= 800 && shot.getHeight() >= 600, "window size " + shot.getWidth() + "x"
                + shot.getHeight());
        assertTrue(distinctColours(shot) > 50, "the screenshot shows the image and views, not a blank window");
        BufferedImage saved = ImageIO.read(result.toFile());
        assertEquals(16, saved.getColorModel().getComponentSize(0), "the saved result keeps 16 bits");
        assertTrue(distinctColours(ImageIO.read(trainShot.toFile())) > 20, "the training view shows its plot");
    }

    private static int distinctColours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static int freeDisplay() {
        for (int n = 90; n < 120; n++) {
            if (!Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                return n;
            }
        }
        throw new IllegalStateException("no free X display number in :90-:119");
    }

    private static Process startXvfb(int n) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1400x1000x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(Launcher.work().resolve("xvfb.log").toFile()).start();
        } catch (java.io.IOException e) {
            fail("the workbench test needs an X server: set DISPLAY, or install Xvfb (.ci/run does: "
                    + "apt-get install xvfb libgtk-3-0)");
            return null;
        }
        Path socket = Path.of("/tmp/.X11-unix/X" + n);
        for (int i = 0; i < 100 && !Files.exists(socket); i++) {
            Thread.sleep(100);
        }
        assertTrue(p.isAlive() && Files.exists(socket), "Xvfb did not start; see target/xvfb.log");
        return p;
    }
}
