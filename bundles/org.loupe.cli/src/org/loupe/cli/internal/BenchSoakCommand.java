package org.loupe.cli.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.loupe.bench.SoakBenchmark;
import org.loupe.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loupe bench soak}: prints the {@link SoakBenchmark}'s curves, one row per thousand images. */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "One loupe run over thousands of 16-bit frames (median, X-ray enhancer, bicubic): memory, file "
                + "descriptors, TensorFlow's native objects and throughput per thousand images.")
final class BenchSoakCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--images", paramLabel = "N", defaultValue = "10000", description = "Frames in the run "
            + "(default: ${DEFAULT-VALUE}).")
    private int images;

    @Option(names = "--size", paramLabel = "PX", defaultValue = "512", description = "Frame side (default: "
            + "${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--distinct", paramLabel = "M", defaultValue = "200", description = "Different frames among "
            + "them; the others link to these (default: ${DEFAULT-VALUE}).")
    private int distinct;

    @Option(names = "--jobs", paramLabel = "J", description = "Images processed at once (default: the processors).")
    private Integer jobs;

    @Option(names = "--work", paramLabel = "DIR", description = "Scratch folder, kept (default: a new temporary "
            + "one, deleted afterwards).")
    private Path work;

    @Option(names = "--json", description = "Print JSON, every sample included.")
    private boolean json;

    BenchSoakCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        String launcher = BenchWork.launcher("bench soak");
        int j = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        SoakBenchmark.Report r = BenchWork.in(work, "loupe-bench-soak", dir -> new SoakBenchmark(launcher, images,
                size, distinct, j).run(dir, m -> session.complain("bench soak: " + m)));
        if (json) {
            session.out().println(Json.GSON.toJson(r));
            return 0;
        }
        session.out().println(r.setting());
        TextTable t = new TextTable("IMAGES", "IMAGES/S", "RSS MB", "FDS", "THREADS", "NATIVE OBJECTS");
        for (SoakBenchmark.Window w : r.windows()) {
            t.row(w.from() + "-" + w.to(), String.format(Locale.ROOT, "%.2f", w.imagesPerSecond()),
                    String.format(Locale.ROOT, "%.0f", w.rssMb()), w.fds(), w.threads(), w.nativePointers());
        }
        t.print(session.out());
        session.out().printf(Locale.ROOT, "after the first thousand: resident memory %+.2f MB per 1,000 images "
                + "(second half: %+.2f), descriptors %+d, native objects %+d; throughput, last thousand over the "
                + "second: %.2fx; %.0f s in all%n", r.rssSlopeMbPer1000(), r.rssSlopeSecondHalfMbPer1000(),
                r.fdGrowth(), r.nativePointerGrowth(), r.lastOverSecondThroughput(), r.seconds());
        return 0;
    }
}
