package org.loupe.bench;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.loupe.api.LoupeException;
import org.loupe.bench.internal.BenchFrames;
import org.loupe.bench.internal.ChildRun;
import org.loupe.bench.internal.ReferenceScript;
import org.loupe.image.io.AtomicFiles;

/**
 * The batch layer against the alternatives a lab would otherwise use, in the same run. A pipeline of median 5x5 and
 * PSNR over 16-bit frames runs through {@code loupe run} (all cores, one core, and a fifth of the frames), through a
 * shell-style loop of one {@code loupe enhance} per image, and through a plain OpenCV script; each in a process of
 * its own, timed from outside, with its peak resident memory read from {@code /proc}.
 *
 * @param launcher   the {@code loupe} script to start
 * @param images     frames in the batch
 * @param size       frame side
 * @param loopImages frames for the per-image loop, which starts a JVM per frame
 * @param python     the Python with python3-opencv for the reference script
 */
public record BatchBenchmark(String launcher, int images, int size, int loopImages, String python) {

    /**
     * One process's figures.
     *
     * @param peakRssMb 0 where it could not be read
     */
    public record Row(String run, int images, double seconds, double imagesPerSecond, double peakRssMb) {
    }

    /**
     * The figures and the ratios the targets are stated in.
     *
     * @param loupeRunOverOpencv null without the reference script
     */
    public record Report(String setting, List<Row> runs, double parallelOverSingle, double peakRssAllOverFifth,
            double loupeRunOverShellLoop, Double loupeRunOverOpencv) {
    }

    /**
     * Runs everything in {@code dir} (frames are written once and reused from an earlier run of the same folder).
     *
     * @param progress hears one line per stage
     */
    public Report run(Path dir, Consumer<String> progress) throws IOException, InterruptedException, LoupeException {
        Path in = BenchFrames.write(dir.resolve("in"), "f", images, size, 0, progress);
        Path all = list(dir.resolve("all.txt"), in, images);
        Path fifth = list(dir.resolve("fifth.txt"), in, images / 5);
        Path pipeline = Files.writeString(dir.resolve("median-psnr.json"), "{\"name\": \"median 5x5 and PSNR\", "
                + "\"steps\": [{\"enhance\": \"enhance.median\", \"params\": {\"size\": 5}}, "
                + "{\"measure\": \"metric.psnr\", \"reference\": \"{file}\"}], \"output\": {\"format\": \"png\"}}");
        int cores = Runtime.getRuntime().availableProcessors();
        List<Row> rows = new ArrayList<>();
        progress.accept("loupe run --jobs " + cores + " on all frames");
        ChildRun parallel = loupeRun(pipeline, all, dir.resolve("out-all"), cores);
        rows.add(row("loupe run, " + cores + " jobs", images, parallel));
        progress.accept("loupe run --jobs 1 on all frames");
        ChildRun single = loupeRun(pipeline, all, dir.resolve("out-one"), 1);
        rows.add(row("loupe run, 1 job, 1 processor", images, single));
        progress.accept("loupe run --jobs " + cores + " on a fifth of the frames");
        ChildRun small = loupeRun(pipeline, fifth, dir.resolve("out-fifth"), cores);
        rows.add(row("loupe run, " + cores + " jobs, a fifth of the frames", images / 5, small));
        progress.accept("a loop of " + loopImages + " ./loupe enhance processes");
        ChildRun loop = loop(in, dir.resolve("out-loop"));
        rows.add(row("shell loop of ./loupe enhance", loopImages, loop));
        progress.accept("the OpenCV script");
        JsonObject cv = opencv(all, dir.resolve("out-cv"), progress);
        if (cv != null) {
            rows.add(row("OpenCV " + cv.get("opencv").getAsString() + " script (loop only)", images,
                    new ChildRun(cv.get("seconds").getAsDouble(), 0)));
        }
        double rate = images / parallel.seconds();
        return new Report(images + " frames " + size + "x" + size + " 16-bit PNG, median 5x5 + PSNR, " + cores
                + " processors; each run a process of its own, timed from start to exit (JVM start included)", rows,
                single.seconds() / parallel.seconds(), (double) parallel.peakKb() / small.peakKb(),
                rate / (loopImages / loop.seconds()), cv == null ? null : rate / (images / cv.get("seconds")
                        .getAsDouble()));
    }

    private static Path list(Path file, Path in, int n) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(in.resolve(String.format("f%05d.png", i)).toAbsolutePath()).append('\n');
        }
        return Files.writeString(file, sb.toString());
    }

    /** One {@code loupe run}; with one job it also sees one processor, so that it runs on a single thread. */
    private ChildRun loupeRun(Path pipeline, Path list, Path out, int jobs) throws IOException, InterruptedException {
        AtomicFiles.deleteScratch(out); // a reused folder must not let the run resume an earlier one
        Map<String, String> env = jobs > 1 ? Map.of() : Map.of("LOUPE_JAVA_OPTS", (System.getenv().getOrDefault(
                "LOUPE_JAVA_OPTS", "") + " -XX:ActiveProcessorCount=1").strip());
        return ChildRun.of(List.of(launcher, "run", pipeline.toString(), "--input", list.toString(), "--out",
                out.toString(), "--jobs", Integer.toString(jobs)), env);
    }

    /** One process per frame, as a shell loop would start them; the loop's total time and its largest process. */
    private ChildRun loop(Path in, Path out) throws IOException, InterruptedException {
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

    private JsonObject opencv(Path list, Path out, Consumer<String> progress) throws InterruptedException {
        try {
            return ReferenceScript.run(python, "run_reference.py", list.getParent(), List.of("--list",
                    list.toString(), "--out", out.toString()));
        } catch (IOException e) {
            progress.accept("note: the OpenCV script failed (" + e.getMessage() + ")");
            return null;
        }
    }

    private static Row row(String what, int n, ChildRun r) {
        return new Row(what, n, r.seconds(), n / r.seconds(), r.peakKb() / 1024.0);
    }
}
