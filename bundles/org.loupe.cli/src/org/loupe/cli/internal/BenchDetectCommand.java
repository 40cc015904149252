package org.loupe.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.loupe.api.DefectDetector;
import org.loupe.api.Detection;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.data.deeppcb.DeepPcbDataset;
import org.loupe.data.deeppcb.DeepPcbFiles;
import org.loupe.image.PixelImage;
import org.loupe.image.io.AtomicFiles;
import org.loupe.image.io.ImageFiles;
import org.loupe.registry.ProviderHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loupe bench detect}: end-to-end throughput of a detector on DeepPCB pairs (decode board and template,
 * detect, write the DeepPCB result file), over all hardware threads, next to a reference run in the same process
 * that only decodes the two images, so the figure reads as a ratio on any machine.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Images per second of a detector end to end (decode, detect, write) on DeepPCB pairs.")
final class BenchDetectCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--dataset", paramLabel = "DIR", description = "Folder laid out like DeepPCB (default: the "
            + "demo's bundled pairs).")
    private Path dataset;

    @Option(names = "--with", paramLabel = "ID", defaultValue = "detect.template",
            description = "The detector (default ${DEFAULT-VALUE}).")
    private String detector;

    @Option(names = "--images", paramLabel = "N", defaultValue = "300", description = "Images per timed pass.")
    private int images;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: hardware threads).")
    private Integer threads;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE", description = "A parameter of the detector.")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    BenchDetectCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (images < 1 || workers < 1) {
            throw LoupeException.usage("--images and --threads must be at least 1");
        }
        List<DeepPcbDataset.Entry> pairs = dataset == null ? SampleImages.pcbPairs()
                : DeepPcbDataset.read(dataset, DeepPcbSelection.listFile(dataset, null));
        ProviderHandle<DefectDetector> h = session.registry().provider(detector, DefectDetector.class);
        Parameters bound = Parameters.bind(h.call(LoupeService::parameters), params);
        ProcessingContext ctx = ProcessingContext.of(bound);
        Path out = Files.createTempDirectory("loupe-bench-detect");
        try {
            Work decode = e -> {
                ImageFiles.read(e.test());
                ImageFiles.read(e.template());
                return 0;
            };
            Work full = e -> {
                PixelImage board = ImageFiles.read(e.test());
                PixelImage template = ImageFiles.read(e.template());
                List<Detection> found = h.call(d -> d.detect(board, template, ctx));
                AtomicFiles.writeString(out.resolve(e.id() + ".txt"), DeepPcbFiles.format(found));
                return found.size();
            };
            run(pairs, Math.min(images, 2 * workers), workers, full); // warm-up: model loading, JIT
            double decodeSeconds = run(pairs, images, workers, decode);
            long t0 = System.nanoTime();
            run(pairs, images, workers, full);
            double fullSeconds = (System.nanoTime() - t0) / 1e9;
            report(bound, pairs.size(), workers, images / fullSeconds, images / decodeSeconds);
        } finally {
            AtomicFiles.deleteScratch(out);
        }
        return 0;
    }

    /** One unit of work on a pair; returns anything, so the JIT cannot drop it. */
    @FunctionalInterface
    private interface Work {
        int on(DeepPcbDataset.Entry e) throws LoupeException, IOException;
    }

    /** Seconds to process {@code n} pairs (cycling through the list) on {@code workers} threads. */
    private static double run(List<DeepPcbDataset.Entry> pairs, int n, int workers, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            long t0 = System.nanoTime();
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                DeepPcbDataset.Entry e = pairs.get(i % pairs.size());
                done.add(pool.submit(() -> work.on(e)));
            }
            for (Future<Integer> f : done) {
                f.get();
            }
            return (System.nanoTime() - t0) / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }

    private void report(Parameters bound, int pairs, int workers, double fullRate, double decodeRate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("detector", detector);
        m.put("distinctPairs", pairs);
        m.put("images", images);
        m.put("threads", workers);
        m.put("parameters", bound.asText());
        m.put("imagesPerSecond", fullRate);
        m.put("decodeOnlyImagesPerSecond", decodeRate);
        m.put("timeOverDecodeOnly", decodeRate / fullRate);
        if (json) {
            session.out().println(Json.GSON.toJson(m));
            return;
        }
        session.out().printf(Locale.ROOT, "%s (%s) on %d images (%d distinct pairs), %d threads:%n", detector,
                bound.asText(), images, pairs, workers);
        session.out().printf(Locale.ROOT, "  end to end (decode board + template, detect, write): %.1f images/s%n",
                fullRate);
        session.out().printf(Locale.ROOT, "  reference, decode only in the same process:          %.1f images/s "
                + "(end to end takes %.2fx its time)%n", decodeRate, decodeRate / fullRate);
    }
}
