package org.loupe.cli.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.loupe.api.DefectDetector;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.bench.DetectBenchmark;
import org.loupe.data.detection.AnnotatedImageFile;
import org.loupe.data.detection.DetectionDatasets;
import org.loupe.registry.ProviderHandle;
import org.loupe.report.TextTable;
import org.loupe.samples.SampleImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loupe bench detect}: prints the {@link DetectBenchmark}, a detector's end-to-end throughput on DeepPCB pairs
 * against a decode-only pass in the same process.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Images per second of a detector end to end (decode, detect, write) on a data set.")
final class BenchDetectCommand implements Callable<Integer> {

    private static final int[] WAFERS_PER_HOUR = {100, 500, 1000, 2000};
    private static final int IMAGES_PER_WAFER = 10;

    private final Session session;

    @Option(names = "--dataset", paramLabel = "DIR", description = "A DeepPCB, COCO or YOLO folder (default: the "
            + "demo's bundled DeepPCB pairs).")
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

    @Option(names = "--against", paramLabel = "FILE", description = "A reference detector's result, as "
            + "tools/reference/torchvision_detectors.py --out writes it, printed beside this one's speed.")
    private Path against;

    BenchDetectCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (images < 1 || workers < 1) {
            throw LoupeException.usage("--images and --threads must be at least 1");
        }
        List<AnnotatedImageFile> pairs = dataset == null ? DetectionDatasets.of(SampleImages.pcbPairs())
                : DetectionDatasets.readAll(dataset, DeepPcbSelection.listFile(dataset, null).getFileName()
                        .toString());
        // read first: a bad reference file must not cost a timed run
        ReferenceDetectorResult ref = against == null ? null : ReferenceDetectorResult.read(against);
        ProviderHandle<DefectDetector> h = session.registry().provider(detector, DefectDetector.class);
        Parameters bound = Parameters.bind(h.call(LoupeService::parameters), params);
        boolean compares = h.call(DefectDetector::usesReference);
        DetectBenchmark.Report r = DetectBenchmark.run(h, ProcessingContext.of(bound), pairs, images, workers);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("detector", detector);
            m.put("distinctPairs", pairs.size());
            m.put("images", images);
            m.put("threads", workers);
            m.put("parameters", bound.asText());
            m.put("readsReferences", compares);
            m.put("imagesPerSecond", r.imagesPerSecond());
            m.put("decodeOnlyImagesPerSecond", r.decodeOnlyImagesPerSecond());
            m.put("timeOverDecodeOnly", r.timeOverDecodeOnly());
            m.put("millisPerImage", r.millisPerImage());
            Map<String, Boolean> line = new LinkedHashMap<>();
            for (int wph : WAFERS_PER_HOUR) {
                line.put(wph + " wafers/h", r.keepsUpWith(wph, IMAGES_PER_WAFER));
            }
            m.put("keepsUpWith", line);
            if (ref != null) {
                m.put("against", ref);
                m.put("timesFasterThanAgainst", r.imagesPerSecond() / ref.imagesPerSecond());
            }
            session.out().println(Json.GSON.toJson(m));
            return 0;
        }
        session.out().printf(Locale.ROOT, "%s (%s) on %d images (%d distinct), %d threads:%n", detector,
                bound.asText(), images, pairs.size(), workers);
        String what = compares ? "end to end (decode image and reference, detect, write):"
                : "end to end (decode image, detect, write):";
        session.out().printf(Locale.ROOT, "  %-53s %.1f images/s%n", what, r.imagesPerSecond());
        session.out().printf(Locale.ROOT, "  %-53s %.1f images/s (end to end takes %.2fx its time)%n",
                "reference, decode only in the same process:", r.decodeOnlyImagesPerSecond(), r.timeOverDecodeOnly());
        TextTable t = new TextTable("WAFERS/HOUR", "IMAGES/S NEEDED (" + IMAGES_PER_WAFER + " PER WAFER)",
                "KEEPS UP");
        for (int wph : WAFERS_PER_HOUR) {
            t.row(wph, String.format(Locale.ROOT, "%.2f", wph * (double) IMAGES_PER_WAFER / 3600),
                    r.keepsUpWith(wph, IMAGES_PER_WAFER) ? "yes" : "no");
        }
        session.out().printf(Locale.ROOT, "  %.2f ms per image%n", r.millisPerImage());
        t.print(session.out());
        if (ref != null) {
            // not measured in this process: the script timed it on the same machine, as its file says
            session.out().printf(Locale.ROOT, "  against %s (measured by its script on %d test images, %d threads,"
                    + " after %.0f min of training): %.2f images/s, mAP@0.5 %.3f; this detector runs %.1fx as fast%n",
                    ref.model(), ref.testImages(), ref.threads(), ref.trainSeconds() / 60, ref.imagesPerSecond(),
                    ref.map50(), r.imagesPerSecond() / ref.imagesPerSecond());
        }
        return 0;
    }
}
