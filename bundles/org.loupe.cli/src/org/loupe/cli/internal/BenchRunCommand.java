package org.loupe.cli.internal;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.loupe.api.LoupeException;
import org.loupe.image.io.AtomicFiles;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ImageFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loupe bench run}: the batch layer against the alternatives a lab would otherwise use, in the same run. A
 * pipeline of median 5x5 and PSNR over 16-bit frames runs through {@code loupe run} (all cores and one), through a
 * shell-style loop of one {@code loupe enhance} per image, and through a plain OpenCV script; each in a process of its
 * own, timed from outside, with its peak resident memory read from {@code /proc}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "loupe run against a per-image loop of ./loupe enhance and an OpenCV script, in the same run.")
final class BenchRunCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--images", paramLabel = "N", defaultValue = "200", description = "Frames in the batch "
            + "(default: ${DEFAULT-VALUE}).")
    private int images;

    @Option(names = "--size", paramLabel = "PX", defaultValue = "1024", description = "Frame side (default: "
            + "${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--loop-images", paramLabel = "M", defaultValue = "8", description = "Frames for the per-image "
            + "loop, which starts a JVM per frame (default: ${DEFAULT-VALUE}).")
    private int loopImages;

    @Option(names = "--python", paramLabel = "PATH", defaultValue = "/usr/bin/python3",
            description = "Python with python3-opencv (default: ${DEFAULT-VALUE}).")
    private String python;

    @Option(names = "--work", paramLabel = "DIR", description = "Scratch folder (default: a new temporary one, "
            + "deleted afterwards).")
    private Path work;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    BenchRunCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        String launcher = System.getenv("LOUPE_LAUNCHER");
        if (launcher == null || launcher.isBlank()) {
            throw LoupeException.usage("bench run starts ./loupe in processes of their own; run it through ./loupe");
        }
        if (images < 10 || loopImages < 1 || loopImages > images || size < 64) {
            throw LoupeException.usage("--images must be at least 10, --loop-images in [1, --images], --size >= 64");
        }
        boolean scratch = work == null;
        Path dir = scratch ? Files.createTempDirectory("loupe-bench-run") : Files.createDirectories(work);
        try {
            Path in = frames(dir.resolve("in"));
            Path all = list(dir.resolve("all.txt"), in, images);
            Path fifth = list(dir.resolve("fifth.txt"), in, images / 5);
            Path pipeline = Files.writeString(dir.resolve("median-psnr.json"), "{\"name\": \"median 5x5 and PSNR\", "
                    + "\"steps\": [{\"enhance\": \"enhance.median\", \"params\": {\"size\": 5}}, "
                    + "{\"measure\": \"metric.psnr\", \"reference\": \"{file}\"}], \"output\": {\"format\": \"png\"}}");
            int cores = Runtime.getRuntime().availableProcessors();
            List<Map<String, Object>> rows = new ArrayList<>();
            session.complain("bench run: " + images + " frames of " + size + "x" + size + " 16-bit in " + dir);
            ChildRun parallel = loupeRun(launcher, pipeline, all, dir.resolve("out-all"), cores);
            rows.add(row("loupe run, " + cores + " jobs", images, parallel));
            ChildRun single = loupeRun(launcher, pipeline, all, dir.resolve("out-one"), 1);
            rows.add(row("loupe run, 1 job, 1 processor", images, single));
            ChildRun small = loupeRun(launcher, pipeline, fifth, dir.resolve("out-fifth"), cores);
            rows.add(row("loupe run, " + cores + " jobs, a fifth of the frames", images / 5, small));
            ChildRun loop = loop(launcher, in, dir.resolve("out-loop"));
            rows.add(row("shell loop of ./loupe enhance", loopImages, loop));
            JsonObject cv = opencv(all, dir.resolve("out-cv"));
            if (cv != null) {
                rows.add(row("OpenCV " + cv.get("opencv").getAsString() + " script (loop only)", images,
                        new ChildRun(cv.get("seconds").getAsDouble(), 0)));
            }
            report(rows, parallel, single, small, loop, cv);
            return 0;
        } finally {
            if (scratch) {
                AtomicFiles.deleteScratch(dir);
            }
        }
    }

    /** The frames: a gradient, fine structure and noise at 16 bits, different per frame. */
    private Path frames(Path dir) throws LoupeException {
        for (int i = 0; i < images; i++) {
            Path f = dir.resolve(String.format("f%05d.png", i));
            if (!Files.exists(f)) {
                ImageFiles.write(BenchFrames.scene(size, i), f, ImageFormat.PNG);
            }
            if ((i + 1) % 50 == 0) {
                session.complain("bench run: " + (i + 1) + "/" + images + " frames written");
            }
        }
        return dir;
    }

    private static Path list(Path file, Path in, int n) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(in.resolve(String.format("f%05d.png", i)).toAbsolutePath()).append('\n');
        }
        return Files.writeString(file, sb.toString());
    }

    /** One {@code loupe run}; with one job it also sees one processor, so that it runs on a single thread. */
    private ChildRun loupeRun(String launcher, Path pipeline, Path list, Path out, int jobs) throws Exception {
        session.complain("bench run: loupe run --jobs " + jobs + " on " + list.getFileName());
        AtomicFiles.deleteScratch(out); // a reused --work folder must not let the run resume an earlier one
        Map<String, String> env = jobs > 1 ? Map.of() : Map.of("LOUPE_JAVA_OPTS", (System.getenv().getOrDefault(
                "LOUPE_JAVA_OPTS", "") + " -XX:ActiveProcessorCount=1").strip());
        return ChildRun.of(List.of(launcher, "run", pipeline.toString(), "--input", list.toString(), "--out",
                out.toString(), "--jobs", Integer.toString(jobs)), env);
    }

    /** One process per frame, as a shell loop would start them; the loop's total time and its largest process. */
    private ChildRun loop(String launcher, Path in, Path out) throws Exception {
        session.complain("bench run: a loop of " + loopImages + " ./loupe enhance processes");
        AtomicFiles.deleteScratch(out);
        double seconds = 0;
        long peak = 0;
        for (int i = 0; i < loopImages; i++) {
            ChildRun one = ChildRun.of(List.of(launcher, "enhance", "--with", "enhance.median", "-p", "size=5",
                    in.resolve(String.format("f%05d.png", i)).toString(), "--out", out.toString()));
            seconds += one.seconds();
            peak = Math.max(peak, one.peakKb());
        }
        return new ChildRun(seconds, peak);
    }

    private JsonObject opencv(Path list, Path out) {
        session.complain("bench run: the OpenCV script");
        try {
            Path script = list.resolveSibling("run_reference.py");
            try (InputStream in = BenchRunCommand.class.getResourceAsStream("/bench/run_reference.py")) {
                Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Process p = new ProcessBuilder(python, script.toString(), "--list", list.toString(), "--out",
                    out.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0 || text.isBlank()) {
                session.complain("note: the OpenCV script failed (needs " + python + " with python3-opencv)");
                return null;
            }
            return JsonParser.parseString(text).getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            session.complain("note: the OpenCV script failed (" + e.getMessage() + ")");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static Map<String, Object> row(String what, int n, ChildRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", what);
        m.put("images", n);
        m.put("seconds", r.seconds());
        m.put("imagesPerSecond", n / r.seconds());
        m.put("peakRssMb", r.peakKb() / 1024.0);
        return m;
    }

    private void report(List<Map<String, Object>> rows, ChildRun parallel, ChildRun single, ChildRun small,
            ChildRun loop, JsonObject cv) {
        double speedup = single.seconds() / parallel.seconds();
        double rssRatio = (double) parallel.peakKb() / small.peakKb();
        double overLoop = (images / parallel.seconds()) / (loopImages / loop.seconds());
        Double overCv = cv == null ? null : (images / parallel.seconds()) / (images / cv.get("seconds")
                .getAsDouble());
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("setting", images + " frames " + size + "x" + size + " 16-bit PNG, median 5x5 + PSNR, "
                    + Runtime.getRuntime().availableProcessors() + " processors; each run a process of its own, "
                    + "timed from start to exit (JVM start included)");
            m.put("runs", rows);
            m.put("parallelOverSingle", speedup);
            m.put("peakRssAllOverFifth", rssRatio);
            m.put("loupeRunOverShellLoop", overLoop);
            m.put("loupeRunOverOpencv", overCv);
            session.out().println(Json.GSON.toJson(m));
            return;
        }
        Table t = new Table("RUN", "IMAGES", "SECONDS", "IMAGES/S", "PEAK RSS MB");
        for (Map<String, Object> r : rows) {
            t.row(r.get("run").toString(), r.get("images").toString(), String.format(Locale.ROOT, "%.1f",
                    (double) r.get("seconds")), String.format(Locale.ROOT, "%.2f", (double) r.get("imagesPerSecond")),
                    (double) r.get("peakRssMb") == 0 ? "-" : String.format(Locale.ROOT, "%.0f",
                            (double) r.get("peakRssMb")));
        }
        t.print(session.out());
        session.out().printf(Locale.ROOT, "all cores over one: %.2fx; peak RSS, all frames over a fifth: %.2f; "
                + "loupe run over the shell loop: %.1fx%s%n", speedup, rssRatio, overLoop, overCv == null ? ""
                : String.format(Locale.ROOT, "; loupe run over OpenCV: %.2fx", overCv));
    }
}
