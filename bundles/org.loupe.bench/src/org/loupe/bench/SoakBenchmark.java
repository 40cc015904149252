package org.loupe.bench;

import com.google.gson.Gson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.loupe.api.LoupeException;
import org.loupe.bench.internal.BenchFrames;
import org.loupe.image.io.AtomicFiles;

/**
 * The soak benchmark: one {@code loupe run} over thousands of 16-bit frames through a median filter, the X-ray
 * enhancer (TensorFlow) and a bicubic reduction, observed through the run's resource log (one sample per hundred
 * images: resident memory, file descriptors, threads, TensorFlow's native objects). Memory is judged by the slope of
 * resident memory after the first thousand images, throughput by the last thousand over the second.
 *
 * @param launcher ./loupe
 * @param images   frames in the run
 * @param size     frame side
 * @param distinct different frames among them; the rest are links to these, so the disk holds few
 * @param jobs     items processed at once
 */
public record SoakBenchmark(String launcher, int images, int size, int distinct, int jobs) {

    private static final String HEAP = "2g";

    /** Resources after {@code items} images, as the run logged them. */
    public record Sample(int items, double seconds, long rssKb, long threads, long fds, long heapUsedKb,
            long nativeBytes, long nativePointers) {
    }

    /** One stretch of the run. */
    public record Window(int from, int to, double imagesPerSecond, double rssMb, long fds, long threads,
            long nativePointers) {
    }

    /**
     * What the soak found.
     *
     * @param rssSlopeMbPer1000     least-squares slope of resident memory after the first thousand images
     * @param rssSlopeSecondHalfMbPer1000 the same over the second half of the run: a one-time step (the compiler's
     *                              code cache, an allocator's arena) weighs on the first, a leak on both
     * @param fdGrowth              open descriptors at the end minus after the first thousand
     * @param nativePointerGrowth   live native objects (tensors and their buffers) at the end minus after the first
     *                              thousand
     * @param lastOverSecondThroughput images per second in the last thousand over the second thousand
     */
    public record Report(String setting, List<Window> windows, double rssSlopeMbPer1000,
            double rssSlopeSecondHalfMbPer1000, long fdGrowth,
            long nativePointerGrowth, double lastOverSecondThroughput, double seconds, List<Sample> samples) {
    }

    /**
     * Runs the soak in {@code dir} (frames are written once and reused by a later run of the same folder).
     *
     * @param progress hears a line per stage and one every half minute while the run goes
     */
    public Report run(Path dir, Consumer<String> progress) throws IOException, InterruptedException, LoupeException {
        if (images < 2000 || distinct < 1 || size < 64) {
            throw LoupeException.usage("the soak needs at least 2,000 images (it compares thousands), at least one "
                    + "distinct frame and frames of at least 64 pixels");
        }
        Path in = inputs(dir.resolve("in"), progress);
        Path pipeline = Files.writeString(dir.resolve("soak.json"), "{\"name\": \"soak: median, X-ray enhancer, "
                + "bicubic\", \"steps\": [{\"enhance\": \"enhance.median\", \"params\": {\"size\": 3}}, "
                + "{\"enhance\": \"enhance.xray\"}, {\"enhance\": \"enhance.bicubic\", \"params\": {\"scale\": 0.5}}"
                + "], \"output\": {\"format\": \"png\"}}");
        Path out = dir.resolve("out");
        AtomicFiles.deleteScratch(out);
        Path log = dir.resolve("resources.jsonl");
        Files.deleteIfExists(log);
        ProcessBuilder pb = new ProcessBuilder(launcher, "run", pipeline.toString(), "--input", in.toString(),
                "--out", out.toString(), "--jobs", Integer.toString(jobs)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.log").toFile());
        pb.environment().put("LOUPE_RESOURCE_LOG", log.toString());
        // the heap committed and touched up front: resident memory then grows only with what is not Java heap
        // (native buffers, TensorFlow, class metadata, threads), where leaks would show; a heap that grows into its
        // limit over the first thousands of images would otherwise look like one
        pb.environment().put("LOUPE_JAVA_OPTS", (System.getenv().getOrDefault("LOUPE_JAVA_OPTS", "") + " -Xms" + HEAP
                + " -Xmx" + HEAP + " -XX:+AlwaysPreTouch").strip());
        progress.accept("loupe run over " + images + " frames, " + jobs + " jobs (its output: " + dir.resolve("run.log")
                + ")");
        long start = System.nanoTime();
        Process p = pb.start();
        long lastNote = start;
        while (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
            if (System.nanoTime() - lastNote > 30e9) {
                lastNote = System.nanoTime();
                List<Sample> so = samples(log);
                if (!so.isEmpty()) {
                    Sample s = so.get(so.size() - 1);
                    progress.accept(String.format(Locale.ROOT, "%d/%d images, %.0f MB resident, %d descriptors",
                            s.items(), images, s.rssKb() / 1024.0, s.fds()));
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (p.exitValue() != 0) {
            throw new IOException("loupe run exited " + p.exitValue() + "; see " + dir.resolve("run.log"));
        }
        return report(samples(log), seconds);
    }

    private Report report(List<Sample> samples, double seconds) throws IOException {
        List<Window> windows = new ArrayList<>();
        Sample prev = null;
        for (Sample s : samples) {
            if (s.items() % 1000 == 0) {
                double t0 = prev == null ? 0 : prev.seconds();
                int i0 = prev == null ? 0 : prev.items();
                windows.add(new Window(i0, s.items(), (s.items() - i0) / (s.seconds() - t0), s.rssKb() / 1024.0,
                        s.fds(), s.threads(), s.nativePointers()));
                prev = s;
            }
        }
        if (windows.size() < 2) {
            throw new IOException("the run logged " + samples.size() + " samples, too few to judge");
        }
        Window first = windows.get(0);
        Window second = windows.get(1);
        Window last = windows.get(windows.size() - 1);
        String setting = String.format(Locale.ROOT, "%d frames %dx%d 16-bit PNG (%d distinct), median 3x3 + X-ray "
                + "enhancer (TensorFlow) + bicubic x0.5, %d jobs, one loupe run, heap %s committed and touched at "
                + "start", images, size, size, distinct, jobs, HEAP);
        return new Report(setting, windows, slope(samples, 1000), slope(samples, images / 2),
                last.fds() - first.fds(),
                last.nativePointers() - first.nativePointers(), last.imagesPerSecond() / second.imagesPerSecond(),
                seconds, samples);
    }

    /** Least-squares slope of resident memory in MB per 1,000 images, over the samples from {@code from} on. */
    private static double slope(List<Sample> samples, int from) {
        List<Sample> after = samples.stream().filter(s -> s.items() >= from).toList();
        double mx = after.stream().mapToDouble(Sample::items).average().orElse(0);
        double my = after.stream().mapToDouble(s -> s.rssKb() / 1024.0).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (Sample s : after) {
            sxy += (s.items() - mx) * (s.rssKb() / 1024.0 - my);
            sxx += (s.items() - mx) * (s.items() - mx);
        }
        return sxx == 0 ? 0 : 1000 * sxy / sxx;
    }

    private static List<Sample> samples(Path log) throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        Gson gson = new Gson();
        List<Sample> out = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (!line.isBlank()) {
                out.add(gson.fromJson(line, Sample.class));
            }
        }
        out.sort((a, b) -> Integer.compare(a.items(), b.items()));
        return out;
    }

    /** {@code images} input files: {@code distinct} frames, and links to them for the rest. */
    private Path inputs(Path dir, Consumer<String> progress) throws IOException, LoupeException {
        Path frames = BenchFrames.write(dir.resolveSibling("frames"), "d", distinct, size, 0, progress);
        AtomicFiles.deleteScratch(dir);
        Files.createDirectories(dir);
        for (int i = 0; i < images; i++) {
            Files.createSymbolicLink(dir.resolve(String.format("f%05d.png", i)), frames.resolve(String.format(
                    "d%05d.png", i % distinct)));
        }
        return dir;
    }
}
