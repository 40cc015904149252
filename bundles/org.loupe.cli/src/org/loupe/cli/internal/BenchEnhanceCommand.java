package org.loupe.cli.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.loupe.api.LoupeException;
import org.loupe.bench.EnhanceBenchmark;
import org.loupe.image.PixelImage;
import org.loupe.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loupe bench enhance}: prints the {@link EnhanceBenchmark}, the learned enhancers' throughput against
 * bicubic interpolation timed in the same run.
 */
@Command(name = "enhance", mixinStandardHelpOptions = true,
        description = "Time the learned enhancers on a tiled copy of the X-ray sample, against bicubic resizing.")
final class BenchEnhanceCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--size", paramLabel = "N", defaultValue = "1024",
            description = "Side of the input image (default ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "Timed runs per enhancer.")
    private int runs;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    BenchEnhanceCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        if (size < 16 || size > 8192 || runs < 1) {
            throw LoupeException.usage("--size must be 16..8192 and --runs at least 1");
        }
        PixelImage input = EnhanceBenchmark.input(size);
        List<EnhanceBenchmark.Row> rows = EnhanceBenchmark.run(session.registry(), input, runs,
                n -> session.complain("note: " + n));
        int threads = Runtime.getRuntime().availableProcessors();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("input", size + "x" + size + " " + input.type());
            m.put("threads", threads);
            m.put("runs", runs);
            m.put("results", rows);
            session.out().println(Json.GSON.toJson(m));
            return 0;
        }
        session.out().println("input " + size + "x" + size + " " + input.type() + " (x2 output for srq and bicubic), "
                + threads + " hardware threads, median of " + runs + " runs");
        TextTable t = new TextTable("ENHANCER", "PARAMETERS", "WEIGHTS", "BITS W/A", "MEDIAN ms", "OUTPUT MP/s",
                "TIME / BICUBIC");
        for (EnhanceBenchmark.Row r : rows) {
            t.row(r.enhancer(), r.parameters(), r.weights(), r.bits(), String.format(Locale.ROOT, "%.1f",
                    r.medianMillis()), String.format(Locale.ROOT, "%.2f", r.outputMegapixelsPerSecond()),
                    String.format(Locale.ROOT, "%.1f", r.timeOverBicubic()));
        }
        t.print(session.out());
        return 0;
    }
}
