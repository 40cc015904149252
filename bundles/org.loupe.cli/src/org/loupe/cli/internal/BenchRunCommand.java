package org.loupe.cli.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.loupe.api.LoupeException;
import org.loupe.bench.BatchBenchmark;
import org.loupe.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loupe bench run}: prints the {@link BatchBenchmark}, {@code loupe run} against a per-image loop of
 * {@code ./loupe enhance} and an OpenCV script, each a process of its own timed in the same run.
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
        String launcher = BenchWork.launcher("bench run");
        if (images < 10 || loopImages < 1 || loopImages > images || size < 64) {
            throw LoupeException.usage("--images must be at least 10, --loop-images in [1, --images], --size >= 64");
        }
        BatchBenchmark.Report r = BenchWork.in(work, "loupe-bench-run", dir -> {
            session.complain("bench run: " + images + " frames of " + size + "x" + size + " 16-bit in " + dir);
            return new BatchBenchmark(launcher, images, size, loopImages, python).run(dir,
                    m -> session.complain("bench run: " + m));
        });
        if (json) {
            session.out().println(Json.GSON.toJson(r));
            return 0;
        }
        TextTable t = new TextTable("RUN", "IMAGES", "SECONDS", "IMAGES/S", "PEAK RSS MB");
        for (BatchBenchmark.Row row : r.runs()) {
            t.row(row.run(), row.images(), String.format(Locale.ROOT, "%.1f", row.seconds()), String.format(
                    Locale.ROOT, "%.2f", row.imagesPerSecond()), row.peakRssMb() == 0 ? "-" : String.format(
                    Locale.ROOT, "%.0f", row.peakRssMb()));
        }
        t.print(session.out());
        session.out().printf(Locale.ROOT, "all cores over one: %.2fx; peak RSS, all frames over a fifth: %.2f; "
                + "loupe run over the shell loop: %.1fx%s%n", r.parallelOverSingle(), r.peakRssAllOverFifth(),
                r.loupeRunOverShellLoop(), r.loupeRunOverOpencv() == null ? "" : String.format(Locale.ROOT,
                "; loupe run over OpenCV: %.2fx", r.loupeRunOverOpencv()));
        return 0;
    }
}
