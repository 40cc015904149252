package org.loupe.cli.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ReadOptions;
import org.loupe.registry.ProviderHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loupe bench enhance}: throughput of the learned enhancers on this machine, in output megapixels per second,
 * with bicubic interpolation timed in the same run as the reference, next to each network's size and bit widths.
 */
@Command(name = "enhance", mixinStandardHelpOptions = true,
        description = "Time the learned enhancers on a tiled copy of the X-ray sample, against bicubic resizing.")
final class BenchEnhanceCommand implements Callable<Integer> {

    /** One timed configuration, with the network's published size for the table. */
    private record Case(String id, Map<String, String> params, String weights, String bits) {
    }

    private static final List<Case> CASES = List.of(
            new Case("enhance.bicubic", Map.of("scale", "2"), "-", "-"),
            new Case("enhance.srq", Map.of("precision", "fixed"), "2,496 (paper: 2.56K)", "10 / 14"),
            new Case("enhance.srq", Map.of("precision", "float"), "2,496 (paper: 2.56K)", "64 / 64"),
            new Case("enhance.xray", Map.of(), "145,680 (paper: not given)", "32 / 32"));

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
        PixelImage sample = SampleImages.read(SampleImages.named("xray-board.tif"), ReadOptions.defaults());
        PixelImage input = tiled(sample, size);
        List<Map<String, Object>> rows = new ArrayList<>();
        double reference = 0;
        for (Case c : CASES) {
            if (session.registry().providers().stream().noneMatch(s -> s.descriptor().id().equals(c.id()))) {
                session.complain("note: " + c.id() + " is not installed; skipped");
                continue;
            }
            ProviderHandle<ImageEnhancer> h = session.registry().provider(c.id(), ImageEnhancer.class);
            ProcessingContext ctx = ProcessingContext.of(Parameters.bind(h.call(LoupeService::parameters),
                    c.params()));
            PixelImage out = h.call(e -> e.enhance(input, ctx)); // warm-up: class loading, JIT, model loading
            long[] nanos = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                h.call(e -> e.enhance(input, ctx));
                nanos[i] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            double ms = nanos[runs / 2] / 1e6;
            if (reference == 0) {
                reference = ms;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("enhancer", c.id());
            row.put("parameters", c.params());
            row.put("weights", c.weights());
            row.put("bits", c.bits());
            row.put("medianMillis", ms);
            row.put("outputMegapixelsPerSecond", out.pixelCount() / 1e6 / (ms / 1e3));
            row.put("timeOverBicubic", ms / reference);
            rows.add(row);
        }
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
        Table t = new Table("ENHANCER", "PARAMETERS", "WEIGHTS", "BITS W/A", "MEDIAN ms", "OUTPUT MP/s",
                "TIME / BICUBIC");
        for (Map<String, Object> r : rows) {
            t.row(r.get("enhancer"), r.get("parameters"), r.get("weights"), r.get("bits"),
                    String.format("%.1f", (Double) r.get("medianMillis")),
                    String.format("%.2f", (Double) r.get("outputMegapixelsPerSecond")),
                    String.format("%.1f", (Double) r.get("timeOverBicubic")));
        }
        t.print(session.out());
        return 0;
    }

    /** The image repeated, mirrored at every seam so no artificial edges appear, to {@code n x n}. */
    private static PixelImage tiled(PixelImage img, int n) {
        PixelImage out = PixelImage.create(img.type(), n, n);
        int w = img.width();
        int h = img.height();
        for (int y = 0; y < n; y++) {
            int sy = (y / h) % 2 == 0 ? y % h : h - 1 - y % h;
            for (int x = 0; x < n; x++) {
                int sx = (x / w) % 2 == 0 ? x % w : w - 1 - x % w;
                for (int b = 0; b < img.bands(); b++) {
                    out.setFloat(x, y, b, img.getFloat(sx, sy, b));
                }
            }
        }
        return out.withMetadata(img.metadata());
    }
}
