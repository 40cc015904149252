package org.loupe.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.loupe.api.LoupeException;
import org.loupe.image.io.AtomicFiles;
import org.loupe.report.TextTable;
import org.loupe.tensorflow.bench.TensorFlowBenchmark;
import org.loupe.tensorflow.bench.TensorFlowBenchmark.Timing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loupe bench tf}: Loupe's overhead over a bare TensorFlow session, tiled against whole-frame inference, and
 * training step time, on whatever device TensorFlow uses here (a GPU when the GPU build and one are present).
 */
@Command(name = "tf", mixinStandardHelpOptions = true,
        description = "Time a reference network through ModelHandle and a bare TensorFlow session, tiled and whole "
                + "inference on a 1936x1536 frame, and training steps.")
final class BenchTfCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--size", paramLabel = "N", defaultValue = "1024",
            description = "Image side for the overhead comparison (default ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "7", description = "Timed runs per variant.")
    private int runs;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    BenchTfCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        if (size < 64 || size > 8192 || runs < 1) {
            throw LoupeException.usage("--size must be 64..8192 and --runs at least 1");
        }
        TensorFlowBenchmark.Report report;
        Path work = null;
        try {
            work = Files.createTempDirectory("loupe-bench-tf");
            report = TensorFlowBenchmark.run(size, runs, work);
        } catch (NoClassDefFoundError e) {
            throw LoupeException.provider("tensorflow", "is not installed in this product (" + e.getMessage() + ")",
                    null);
        } catch (IOException e) {
            throw LoupeException.badInput(String.valueOf(work), "cannot hold the reference model (" + e + ")", e);
        } finally {
            AtomicFiles.deleteScratch(work);
        }
        List<String> devices = DevicesCommand.summary(session.registry().backends());
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("devices", devices);
            m.put("report", report);
            session.out().println(Json.GSON.toJson(m));
            return 0;
        }
        devices.forEach(session.out()::println);
        TextTable t = new TextTable("OPERATION", "MEDIAN ms", "ms/MP", "PEAK RSS MB");
        for (Timing x : report.timings()) {
            t.row(x.name(), String.format("%.1f", x.millis()), x.megapixels() == 0 ? "-"
                    : String.format("%.1f", x.millis() / x.megapixels()), x.peakRssBytes() == 0 ? "-"
                    : String.format("%d", x.peakRssBytes() >> 20));
        }
        t.print(session.out());
        session.out().printf("ModelHandle overhead over a bare session: %+.1f%%%n", report.overheadPercent());
        session.out().printf("tiled / whole time: %.2f%n", report.tiledOverWhole());
        return 0;
    }
}
