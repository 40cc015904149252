package org.loupe.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferUShort;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** {@code loupe run}: the shipped example pipelines, the batch policy and resuming after {@code kill -9}. */
class RunCommandTest {

    private static Path example(String name) {
        return Path.of(System.getProperty("loupe.launcher")).getParent().resolve("examples/pipelines").resolve(name);
    }

    private static JsonObject json(Launcher.Run run) {
        return JsonParser.parseString(run.out()).getAsJsonObject();
    }

    @Test
    void thePcbInspectionPipelineScoresTheBundledBoardsAsEvalDetectDoes() throws Exception {
        Path out = Launcher.fresh("run-pcb").resolve("out");
        Launcher.Run run = Launcher.run("run", example("pcb-inspection.json").toString(), "--out", out.toString(),
                "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonObject d = json(run).getAsJsonObject("detection");
        Path deeppcb = Launcher.samples().resolve("deeppcb");
        Launcher.Run eval = Launcher.run("eval", "detect", "--dataset", deeppcb.toString(), "--list",
                deeppcb.resolve("test.txt").toString(), "--with", "detect.template", "--json");
        assertEquals(0, eval.exitCode(), eval.toString());
        JsonObject e = json(eval);
        assertEquals(e.get("images").getAsInt(), d.get("images").getAsInt());
        assertTrue(e.get("mAP").getAsDouble() > 0.5, eval.toString());
        assertEquals(e.get("mAP").getAsDouble(), d.get("mAP").getAsDouble(), 1e-12);
        assertEquals(e.getAsJsonObject("counts"), d.getAsJsonObject("counts"));
        assertEquals(e.get("classes"), d.get("classes"), "the same report, class by class");
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("report-ap.png") && Files.size(out.resolve("report-ap.png")) > 1000, report);
        assertTrue(Files.isRegularFile(out.resolve("13000008.txt")));
        // the classify step: 100 patches of 64 px per 640x640 board, as the workbench's Classify Patches cuts them
        List<String> patches = Files.readAllLines(out.resolve("13000008.patches.csv"));
        assertEquals("x,y,width,height,label,confidence,distance,threshold", patches.get(0));
        assertEquals(101, patches.size());
        assertTrue(patches.stream().anyMatch(l -> l.contains(",defective,")), "the board has defects");
    }

    @Test
    void theXrayPipelineEnhancesTheLowDoseFrameAndMeasuresItAgainstTheLongExposure() throws Exception {
        Path out = Launcher.fresh("run-xray").resolve("out");
        Launcher.Run run = Launcher.run("run", example("xray-enhancement.json").toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.toString());
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals("input,name,status,exit,detections,metric.psnr,metric.ssim,millis,reason", csv.get(0));
        double enhanced = Double.parseDouble(csv.get(1).split(",")[5]);
        Launcher.Run before = Launcher.run("measure", "--metric", "metric.psnr", Launcher.samples().resolve(
                "xray-s1-lq.tif").toString(), Launcher.samples().resolve("xray-s1-hq.tif").toString());
        double input = Double.parseDouble(before.out().strip().split(" ")[1]);
        assertTrue(enhanced > input + 3, "enhanced " + enhanced + " dB against the input's " + input + " dB");
        assertTrue(Files.isRegularFile(out.resolve("xray-s1.tif")));
    }

    @Test
    void aDryRunPrintsThePlanAndWritesNothing() throws Exception {
        Path out = Launcher.fresh("run-dry").resolve("out");
        Launcher.Run run = Launcher.run("run", example("pcb-inspection.json").toString(), "--out", out.toString(),
                "--dry-run");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("steps[0] detect detect.template"), run.toString());
        assertTrue(run.out().contains("3 inputs (match '{name}_test.jpg'), 3 to compute"), run.toString());
        assertTrue(Files.notExists(out));
    }

    @Test
    void aWrongPipelineIsRefusedNamingTheJsonPath() throws Exception {
        Path dir = Launcher.fresh("run-wrong");
        Path p = Files.writeString(dir.resolve("p.json"), "{\"steps\": [{\"enhance\": \"enhance.median\", "
                + "\"params\": {\"size\": 4}}]}");
        Launcher.Run run = Launcher.run("run", p.toString(), "--input", dir.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("loupe: " + p + ": steps[0].params.size: "), run.toString());
        assertTrue(Files.notExists(dir.resolve("out")));
    }

    @Test
    void badInputsAreRecordedAndTheOthersProcessed() throws Exception {
        Path dir = Launcher.fresh("run-bad");
        Path in = frames(dir.resolve("in"), 20, 64);
        byte[] good = Files.readAllBytes(in.resolve("f000.png"));
        Files.write(in.resolve("cut.png"), Arrays.copyOf(good, good.length / 2));
        Files.writeString(in.resolve("notes.png"), "not pixels");
        Path out = dir.resolve("out");
        Launcher.Run run = Launcher.run("run", median(dir).toString(), "--input", in.toString(), "--out",
                out.toString(), "--json");
        assertEquals(3, run.exitCode(), run.toString());
        assertEquals(2, json(run).get("failed").getAsInt());
        assertEquals(20, names(out).stream().filter(n -> n.startsWith("f")).count());
        assertTrue(names(out).stream().noneMatch(n -> n.endsWith(".part")));
        String csv = Files.readString(out.resolve("summary.csv"));
        assertTrue(csv.contains("cut,failed,3") && csv.contains("notes,failed,3"), csv);
    }

    @Test
    void afterKill9TheSameCommandCompletesTheBatchComputingEachRemainingItemOnce() throws Exception {
        Path dir = Launcher.fresh("run-kill");
        Path in = frames(dir.resolve("in"), 200, 384);
        Path out = dir.resolve("out");
        String[] args = {"run", median(dir).toString(), "--input", in.toString(), "--out", out.toString(), "--json"};
        int killAfter = 5 + new Random().nextInt(140);
        Process p = Launcher.builder(Map.of(), args).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt")
                .toFile()).start();
        Path records = out.resolve("results.jsonl");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (lines(records) < killAfter && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(p.isAlive(), "the run ended before it could be killed: " + Files.readString(dir.resolve(
                "log.txt")));
        List<ProcessHandle> java = p.descendants().toList();
        java.forEach(ProcessHandle::destroyForcibly); // kill -9 the Java process
        p.destroyForcibly();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        // SIGKILL is delivered, not awaited: until the process is gone its temporary files are still its own, and the
        // next run rightly leaves them alone
        for (ProcessHandle h : java) {
            h.onExit().get(60, TimeUnit.SECONDS);
        }
        int completed = completeRecords(records);

        Launcher.Run again = Launcher.run(args);
        assertEquals(0, again.exitCode(), again.toString());
        JsonObject totals = json(again);
        assertEquals(completed, totals.get("skipped").getAsInt(), again.toString());
        assertEquals(200 - completed, totals.get("computed").getAsInt(), "each remaining item once");
        List<String> written = names(out);
        assertEquals(200, written.stream().filter(n -> n.startsWith("f") && n.endsWith(".png")).count());
        assertTrue(written.stream().noneMatch(n -> n.endsWith(".part")), written.toString());
        for (String n : written.stream().filter(n -> n.endsWith(".png")).toList()) {
            assertEquals(384, ImageIO.read(out.resolve(n).toFile()).getWidth(), n + " is whole");
        }
    }

    @Test
    void aRunIntoAFolderAnotherProcessIsWritingIsRefusedAndWritesNothing() throws Exception {
        Path dir = Launcher.fresh("run-twice");
        Path in = frames(dir.resolve("in"), 3, 32);
        Path out = Files.createDirectories(dir.resolve("out"));
        // this test's JVM is the other process: it holds the folder as a run under way does
        try (FileChannel records = FileChannel.open(out.resolve("results.jsonl"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = records.tryLock(Long.MAX_VALUE - 1, 1, false)) {
            assertTrue(held != null);
            Launcher.Run second = Launcher.run("run", median(dir).toString(), "--input", in.toString(), "--out",
                    out.toString());
            assertEquals(2, second.exitCode(), second.toString());
            assertTrue(second.err().contains("is being written by another Loupe run"), second.toString());
            assertEquals(List.of("results.jsonl"), names(out));
        }
        Launcher.Run after = Launcher.run("run", median(dir).toString(), "--input", in.toString(), "--out",
                out.toString());
        assertEquals(0, after.exitCode(), after.toString());
    }

    @Test
    void benchRunComparesLoupeRunWithTheAlternativesInOneRun() throws Exception {
        Launcher.Run run = Launcher.run("bench", "run", "--images", "10", "--size", "96", "--loop-images", "1",
                "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonObject report = json(run);
        assertTrue(report.getAsJsonArray("runs").size() >= 4, run.toString());
        for (String ratio : List.of("parallelOverSingle", "peakRssAllOverFifth", "loupeRunOverShellLoop")) {
            assertTrue(report.get(ratio).getAsDouble() > 0, ratio + " in " + run);
        }
    }

    private static Path median(Path dir) throws IOException {
        return Files.writeString(dir.resolve("median.json"), "{\"steps\": [{\"enhance\": \"enhance.median\", "
                + "\"params\": {\"size\": 5}}]}");
    }

    private static Path frames(Path dir, int n, int size) throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(7);
        for (int i = 0; i < n; i++) {
            BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_USHORT_GRAY);
            short[] px = ((DataBufferUShort) img.getRaster().getDataBuffer()).getData();
            for (int k = 0; k < px.length; k++) {
                px[k] = (short) (20_000 + rnd.nextInt(4000));
            }
            assertTrue(ImageIO.write(img, "png", dir.resolve(String.format("f%03d.png", i)).toFile()));
        }
        return dir;
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        return Files.readString(file, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
    }

    /** Records that are whole JSON lines with status ok (a line cut by the kill is not one). */
    private static int completeRecords(Path file) throws IOException {
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                if (JsonParser.parseString(line).getAsJsonObject().get("status").getAsString().equals("ok")) {
                    n++;
                }
            } catch (RuntimeException e) {
                // cut short by the kill
            }
        }
        return n;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
