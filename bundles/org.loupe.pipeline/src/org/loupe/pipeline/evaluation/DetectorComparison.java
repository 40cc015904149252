package org.loupe.pipeline.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loupe.api.DefectDetector;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.data.detection.AnnotatedImageFile;
import org.loupe.image.io.ReadOptions;
import org.loupe.pipeline.BatchPolicy;
import org.loupe.registry.ModelRecords;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;
import org.loupe.report.Charts;
import org.loupe.report.Html;
import org.loupe.report.TextTable;

/**
 * Several detectors on the same images, side by side: each is run in turn on every image (decoding included, one
 * thread, so the times compare backends rather than schedulers) and scored with the same {@link DetectionReport}.
 *
 * @param rows one per detector, in the order given
 */
public record DetectorComparison(List<Row> rows) {

    /**
     * One detector's figures.
     *
     * @param millisPerImage wall time per image, decoding included
     */
    public record Row(String id, String version, Map<String, String> parameters, DetectionReport report,
            double millisPerImage) {
    }

    /**
     * Runs each detector on the images.
     *
     * @param params each detector's parameters by id (missing: its defaults)
     */
    public static DetectorComparison run(ProviderRegistry registry, List<String> ids,
            Map<String, Map<String, String>> params, List<AnnotatedImageFile> images, double scoreThreshold,
            BatchPolicy policy, ReadOptions read) throws LoupeException {
        List<Row> rows = new ArrayList<>();
        for (String id : ids) {
            ProviderHandle<DefectDetector> h = registry.provider(id, DefectDetector.class);
            Parameters p = Parameters.bind(h.call(LoupeService::parameters), params.getOrDefault(id, Map.of()));
            long start = System.nanoTime();
            DetectionRun run = DetectionRun.detect(h, ProcessingContext.of(p), images, policy, read, null);
            double ms = (System.nanoTime() - start) / 1e6 / Math.max(1, images.size());
            String model = ModelRecords.inUse(h.descriptor(), p);
            rows.add(new Row(id, model == null || model.isEmpty() ? h.descriptor().version()
                    : h.descriptor().version() + " (model " + model + ")", p.asText(),
                    DetectionReport.of(run.images(), run.unprocessed(), scoreThreshold), ms));
        }
        return new DetectorComparison(rows);
    }

    /** The side-by-side table. */
    public String text() {
        TextTable t = new TextTable("DETECTOR", "VERSION", "mAP@0.5", "COCO mAP", "mAP (DeepPCB)", "F1", "PRECISION",
                "RECALL", "PWS", "ms/IMAGE", "IMAGES/S");
        for (Row r : rows) {
            DetectionReport d = r.report();
            t.row(r.id(), r.version(), pct(d.vocMap()), pct(d.coco().map()), pct(d.map()), pct(d.counts().f1()),
                    pct(d.counts().precision()), pct(d.counts().recall()), pct(d.pwsPercent() / 100),
                    String.format(Locale.ROOT, "%.1f", r.millisPerImage()), String.format(Locale.ROOT, "%.1f",
                            1000 / r.millisPerImage()));
        }
        return t.toString();
    }

    /** The comparison as nested maps and lists, for JSON. */
    public List<Map<String, Object>> asMaps() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("detector", r.id());
            m.put("version", r.version());
            m.put("parameters", r.parameters());
            m.put("millisPerImage", r.millisPerImage());
            m.put("report", r.report().asMap());
            out.add(m);
        }
        return out;
    }

    /** An HTML page: the table, mAP@0.5 per detector, then each detector's detection section. */
    public void writeReport(Path dir, String title) throws IOException {
        Html page = new Html(title).stamp();
        List<List<?>> table = new ArrayList<>();
        Map<String, Double> map50 = new LinkedHashMap<>();
        for (Row r : rows) {
            DetectionReport d = r.report();
            table.add(List.of(r.id(), r.version(), pct(d.vocMap()), pct(d.coco().map()), pct(d.counts().f1()),
                    String.format(Locale.ROOT, "%.1f", r.millisPerImage())));
            map50.put(r.id(), Double.isNaN(d.vocMap()) ? 0 : d.vocMap());
        }
        page.table(List.of("Detector", "Version", "mAP@0.5", "COCO mAP", "F1", "ms/image"), table);
        Charts.bars("mAP@0.5 per detector", "mAP@0.5", map50).writePng(dir.resolve("compare-map.png"), 720, 360);
        page.image("compare-map.png", "mAP@0.5 per detector");
        for (Row r : rows) {
            page.heading(r.id());
            DetectionPage.append(page, dir, r.id().replaceAll("[^A-Za-z0-9.-]", "_") + "-", r.report());
        }
        page.write(dir.resolve("index.html"));
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
