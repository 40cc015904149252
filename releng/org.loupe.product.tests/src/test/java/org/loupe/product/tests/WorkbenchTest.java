package org.loupe.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Launches the workbench product under an X server (Xvfb when no display is set), opens the 16-bit X-ray sample,
 * runs the median enhancer through the workbench's own document and job, inspects a bundled DeepPCB board against its
 * template (detections, then patch decisions, drawn as marks), runs the PCB pipeline through the Results view, runs
 * the liver pipeline on a CT phantom and views the case in the Volume view (slices scrolled, three planes, window
 * presets, overlays on and off), runs an enhancer that hangs until cancelled and cancels it, trains a small denoiser
 * through the Training view, and saves screenshots of each
 * under target/.
 */
class WorkbenchTest {

    @Test
    void theWorkbenchOpensAnImageRunsAnEnhancerAndShowsTheResult() throws Exception {
        Path screenshot = Launcher.work().resolve("workbench-screenshot.png");
        Path result = Launcher.work().resolve("workbench-result.tif");
        Path trainShot = Launcher.work().resolve("workbench-training.png");
        Path inspectShots = Launcher.work().resolve("workbench-inspect");
        Path pipelineShot = Launcher.work().resolve("workbench-pipeline.png");
        Path pipelineOut = Launcher.fresh("workbench-pipeline").resolve("out");
        Path pipelineFile = Path.of(System.getProperty("loupe.launcher")).getParent()
                .resolve("examples/pipelines/pcb-inspection.json");
        Path pair = Launcher.samples().resolve("deeppcb/group20085/20085");
        Path dataset = Files.createDirectories(Launcher.work().resolve("workbench-train-data"));
        Files.copy(Launcher.samples().resolve("pcb-test.png"), dataset.resolve("pcb-test.png"),
                StandardCopyOption.REPLACE_EXISTING);
        for (Path p : new Path[] {screenshot, result, trainShot, inspectShots.resolve("board.png"),
            inspectShots.resolve("detections.png"), inspectShots.resolve("patches.png"), pipelineShot}) {
            Files.deleteIfExists(p);
        }
        Map<String, String> env = new HashMap<>();
        XServer x = XServer.start();
        x.into(env);
        Path wafers = Launcher.fresh("workbench-wafer").resolve("wafers");
        assertEquals(0, Launcher.run("data", "wafers", "--out", wafers.toString(), "--count", "1", "--seed", "5",
                "--difficulty", "easy").exitCode());
        // one phantom whose lesions the shipped classifier calls a tumour and a cyst
        Path phantoms = Launcher.fresh("workbench-volume").resolve("phantoms");
        assertEquals(0, Launcher.run("data", "ct-liver", "--out", phantoms.toString(), "--count", "1", "--seed", "7",
                "--size", "160", "--slices", "48").exitCode());
        Path volumeShots = Launcher.work().resolve("workbench-volume/screenshots");
        env.put("LOUPE_JAVA_OPTS", "-Dloupe.selftest.image=" + Launcher.samples().resolve("xray-board.tif")
                + " -Dloupe.selftest.enhancer=enhance.median -Dloupe.selftest.screenshot=" + screenshot
                + " -Dloupe.selftest.result=" + result + " -Dloupe.selftest.hang=true"
                + " -Dloupe.selftest.train.dataset=" + dataset
                + " -Dloupe.selftest.train.out=" + Launcher.work().resolve("workbench-model")
                + " -Dloupe.selftest.train.params=steps=60,batch=4,patch=32,depth=3,width=4,validate=20,noise=0.05"
                + " -Dloupe.selftest.train.screenshot=" + trainShot
                + " -Dloupe.selftest.inspect.board=" + pair.resolve("20085009_test.jpg")
                + " -Dloupe.selftest.inspect.template=" + pair.resolve("20085009_temp.jpg")
                + " -Dloupe.selftest.inspect.screenshots=" + inspectShots
                + " -Dloupe.selftest.inspect.wafer=" + wafers.resolve("images/wafer-00001.png")
                + " -Dloupe.selftest.pipeline.file=" + pipelineFile
                + " -Dloupe.selftest.pipeline.out=" + pipelineOut
                + " -Dloupe.selftest.pipeline.screenshot=" + pipelineShot
                + " -Dloupe.selftest.volume.pipeline=" + pipelineFile.resolveSibling("liver.json")
                + " -Dloupe.selftest.volume.input=" + phantoms
                + " -Dloupe.selftest.volume.out=" + phantoms.resolveSibling("run")
                + " -Dloupe.selftest.volume.screenshots=" + volumeShots);
        try {
            Launcher.Run run = Launcher.run(env, "workbench");
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.out().contains("LOUPE-SELFTEST OK image=GRAY:UINT16:1 256x256 result=GRAY:UINT16:1"),
                    run.toString());
            assertTrue(run.out().contains("LOUPE-SELFTEST TRAIN OK events=6 steps=60"), run.toString());
            // an enhancer that never finishes by itself: the window answers while it runs, Cancel ends it, the
            // earlier result stays (a hang check, with a bound far above any working round trip); one that ignores
            // Cancel is let go of, new work is taken and its late result dropped
            Matcher hang = Pattern.compile("LOUPE-SELFTEST HANG OK running=true worstUiMs=(\\d+) cancelledMs=(\\d+) "
                    + "deafLetGoMs=(\\d+) lateResultDropped=true").matcher(run.out());
            assertTrue(hang.find(), run.toString());
            assertTrue(Integer.parseInt(hang.group(1)) < 5000, hang.group());
            // the 640x640 board is cut into 10x10 patches of 64 px
            assertTrue(run.out().contains("LOUPE-SELFTEST INSPECT OK detections=") && run.out().contains(
                    " patches=100 flagged="), run.toString());
            // a single-image detector on a wafer, no reference needed
            assertTrue(run.out().contains("LOUPE-SELFTEST WAFER OK detections="), run.toString());
            // File > Run Pipeline runs the same BatchRunner as loupe run: the same table, row for row
            assertTrue(run.out().contains("LOUPE-SELFTEST PIPELINE OK rows=3 ok=3 detections=") && run.out().contains(
                    " folder=2"), run.toString());
            // the liver case in the Volume view: the tumour and the cyst listed, labelled where they are largest and
            // read out under the pointer
            Matcher volume = Pattern.compile("VOLUME OK opened=48x1 slices=48 lesionSlices=\\d+ lesionSlice=\\d+ "
                    + "listed=2 overlays=(\\d+) changed=(\\d+) lesions=1 readout=(.*)").matcher(run.out());
            assertTrue(volume.find(), run.toString());
            // liver mask, lesions, Couinaud segments and saliency
            assertEquals(4, Integer.parseInt(volume.group(1)), volume.group());
            // the liver is tinted and outlined: thousands of the slice's 25,600 pixels
            assertTrue(Integer.parseInt(volume.group(2)) > 1000, volume.group());
            assertTrue(volume.group(3).contains(" HU; ") && volume.group(3).matches(".*lesions \\d+: (tumour|cyst) .*"),
                    volume.group());
            Path cliOut = Launcher.fresh("workbench-pipeline-cli").resolve("out");
            Launcher.Run cli = Launcher.run("run", pipelineFile.toString(), "--out", cliOut.toString());
            assertEquals(0, cli.exitCode(), cli.toString());
            assertEquals(summaryWithoutTimes(cliOut), summaryWithoutTimes(pipelineOut));
            sessionPipelineDoesWhatTheAnalystDid(run.out());
        } finally {
            x.close();
        }
        BufferedImage shot = ImageIO.read(screenshot.toFile());
        assertTrue(shot.getWidth() >= 800 && shot.getHeight() >= 600, "window size " + shot.getWidth() + "x"
                + shot.getHeight());
        assertTrue(distinctColours(shot) > 50, "the screenshot shows the image and views, not a blank window");
        BufferedImage saved = ImageIO.read(result.toFile());
        assertEquals(16, saved.getColorModel().getComponentSize(0), "the saved result keeps 16 bits");
        assertTrue(distinctColours(ImageIO.read(trainShot.toFile())) > 20, "the training view shows its plot");
        BufferedImage board = ImageIO.read(inspectShots.resolve("board.png").toFile());
        assertTrue(newlyColoured(board, ImageIO.read(inspectShots.resolve("detections.png").toFile())) > 200,
                "the detections are drawn over the board");
        assertTrue(newlyColoured(board, ImageIO.read(inspectShots.resolve("patches.png").toFile())) > 200,
                "the defective patches are drawn over the board");
        assertTrue(distinctColours(ImageIO.read(pipelineShot.toFile())) > 50, "the Results view and the board");
        for (String plane : new String[] {"axial", "plain", "coronal", "sagittal", "liver-window"}) {
            assertTrue(distinctColours(ImageIO.read(volumeShots.resolve("volume-" + plane + ".png").toFile())) > 50,
                    plane);
        }
    }

    /** A run's summary.csv without its millis column, which differs from run to run. */
    private static List<String> summaryWithoutTimes(Path out) throws IOException {
        List<String> rows = Files.readAllLines(out.resolve("summary.csv"));
        int millis = List.of(rows.get(0).split(",")).indexOf("millis");
        return rows.stream().map(r -> {
            List<String> f = new java.util.ArrayList<>(List.of(r.split(",", -1)));
            f.remove(millis);
            return String.join(",", f);
        }).toList();
    }

    /**
     * The interactive inspection, saved as a pipeline by the workbench and run by {@code loupe run} over the board's
     * folder, finds on that board what the analyst saw: as many detections and as many flagged patches.
     */
    private static void sessionPipelineDoesWhatTheAnalystDid(String selfTestOut) throws Exception {
        Matcher m = Pattern.compile("INSPECT OK detections=(\\d+) patches=(\\d+) flagged=(\\d+) pipeline=(\\S+)")
                .matcher(selfTestOut);
        assertTrue(m.find(), selfTestOut);
        Path out = Launcher.fresh("workbench-session-run").resolve("out");
        Launcher.Run run = Launcher.run("run", m.group(4), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(Integer.parseInt(m.group(1)), Files.readAllLines(out.resolve("20085009.txt")).size(),
                "detections on the board");
        List<String> patches = Files.readAllLines(out.resolve("20085009.patches.csv"));
        assertEquals(Integer.parseInt(m.group(2)), patches.size() - 1, "patches");
        assertEquals(Integer.parseInt(m.group(3)), patches.stream().filter(l -> l.contains(",defective,")).count(),
                "flagged patches");
    }

    /** Pixels that are strongly coloured in {@code after} but were not in {@code before}: the board itself is grey. */
    private static int newlyColoured(BufferedImage before, BufferedImage after) {
        int n = 0;
        for (int y = 0; y < Math.min(before.getHeight(), after.getHeight()); y++) {
            for (int x = 0; x < Math.min(before.getWidth(), after.getWidth()); x++) {
                n += chroma(after.getRGB(x, y)) > 120 && chroma(before.getRGB(x, y)) < 40 ? 1 : 0;
            }
        }
        return n;
    }

    private static int chroma(int rgb) {
        int r = rgb >> 16 & 255;
        int g = rgb >> 8 & 255;
        int b = rgb & 255;
        return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
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
}
