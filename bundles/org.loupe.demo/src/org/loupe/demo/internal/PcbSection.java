package org.loupe.demo.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loupe.api.Classification;
import org.loupe.api.DefectClassifier;
import org.loupe.api.DefectDetector;
import org.loupe.api.Detection;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.data.deeppcb.DeepPcbDataset;
import org.loupe.data.deeppcb.DeepPcbFiles;
import org.loupe.data.deeppcb.DeepPcbPatches;
import org.loupe.data.deeppcb.DefectType;
import org.loupe.image.FloatImages;
import org.loupe.image.GrayF32;
import org.loupe.image.PixelImage;
import org.loupe.image.RgbU8;
import org.loupe.image.io.ImageFiles;
import org.loupe.metrics.detection.AnnotatedImage;
import org.loupe.metrics.detection.Counts;
import org.loupe.metrics.detection.DetectionEvaluation;
import org.loupe.metrics.detection.GroundTruth;
import org.loupe.metrics.detection.MatchRule;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;
import org.loupe.report.Html;
import org.loupe.samples.SampleImages;

/**
 * The demo's PCB section: the template detector on the bundled DeepPCB test pairs (boxes drawn, counted against the
 * annotations with the DeepPCB rule), and the Siamese classifier on a few patches of the first pair with their
 * distances to the golden patch.
 */
public final class PcbSection {

    private static final String DETECTOR = "detect.template";
    private static final String CLASSIFIER = "classify.siamese";
    private static final int PATCHES_PER_CLASS = 3;
    private static final int[][] COLOURS = {{230, 25, 75}, {60, 180, 75}, {0, 130, 200}, {245, 130, 48},
        {145, 30, 180}, {240, 50, 230}};

    private final ProviderRegistry registry;
    private final Path dir;
    private final Map<String, Object> json = new LinkedHashMap<>();
    private int results;

    /** The section, writing its images into {@code dir}. */
    public PcbSection(ProviderRegistry registry, Path dir) {
        this.registry = registry;
        this.dir = dir;
    }

    /** Runs both plugins where installed and appends the section; a failing one is thrown after its part. */
    public void run(Html page) throws LoupeException {
        List<DeepPcbDataset.Entry> pairs = SampleImages.pcbPairs();
        page.heading("PCB inspection (DeepPCB test pairs)");
        if (installed(DETECTOR)) {
            detect(pairs, page);
        }
        if (installed(CLASSIFIER)) {
            classify(pairs.get(0), page);
        }
    }

    private boolean installed(String id) {
        return registry.providers().stream().anyMatch(s -> s.descriptor().id().equals(id));
    }

    private void detect(List<DeepPcbDataset.Entry> pairs, Html page) throws LoupeException {
        ProviderHandle<DefectDetector> h = registry.provider(DETECTOR, DefectDetector.class);
        ProcessingContext ctx = ProcessingContext.of(Parameters.defaults(h.call(LoupeService::parameters)));
        page.paragraph(DETECTOR + " " + h.descriptor().version() + ": boxes with confidence of at least 0.5, "
                + "coloured by type; counts by the DeepPCB rule (same type, IoU > 0.33).");
        List<List<?>> table = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DeepPcbDataset.Entry e : pairs) {
            PixelImage board = ImageFiles.read(e.test());
            PixelImage template = ImageFiles.read(e.template());
            long t0 = System.nanoTime();
            List<Detection> found = h.call(d -> d.detect(board, template, ctx)).stream()
                    .filter(d -> d.score() >= 0.5).toList();
            double ms = (System.nanoTime() - t0) / 1e6;
            List<GroundTruth> truth = DeepPcbFiles.readTruth(e.annotation());
            Counts c = new DetectionEvaluation(List.of(new AnnotatedImage(e.id(), truth, found)))
                    .overall(MatchRule.DEEPPCB, 0.5);
            String boardName = "pcb-" + e.id() + "-detections.png";
            String templateName = "pcb-" + e.id() + "-template.png";
            ImageFiles.write(boxes(board, found), dir.resolve(boardName));
            ImageFiles.write(template, dir.resolve(templateName));
            table.add(List.of(Html.Cell.lines(List.of(e.id(), String.format(Locale.ROOT, "%.1f ms", ms))),
                    Html.Cell.lines(found.stream().map(d -> String.format(Locale.ROOT, "%s %.2f", d.label(),
                            d.score())).toList()),
                    String.format(Locale.ROOT, "%d annotated: %d found, %d missed, %d false alarms", truth.size(),
                            c.truePositives(), c.falseNegatives(), c.falsePositives()),
                    Html.Cell.thumbnail(boardName, "board"), Html.Cell.thumbnail(templateName, "template")));
            rows.add(Map.of("pair", e.id(), "annotated", truth.size(), "tp", c.truePositives(), "fp",
                    c.falsePositives(), "fn", c.falseNegatives(), "millis", ms));
            results++;
        }
        page.table(List.of("Pair", "Found", "Counts", "Board", "Template"), table);
        json.put("detections", rows);
    }

    private void classify(DeepPcbDataset.Entry pair, Html page) throws LoupeException {
        ProviderHandle<DefectClassifier> h = registry.provider(CLASSIFIER, DefectClassifier.class);
        ProcessingContext ctx = ProcessingContext.of(Parameters.defaults(h.call(LoupeService::parameters)));
        List<DeepPcbPatches.Patch> all = DeepPcbPatches.cut(pair, 64);
        List<DeepPcbPatches.Patch> shown = new ArrayList<>();
        all.stream().filter(DeepPcbPatches.Patch::defective).limit(PATCHES_PER_CLASS).forEach(shown::add);
        all.stream().filter(p -> !p.defective()).limit(PATCHES_PER_CLASS).forEach(shown::add);
        page.paragraph(CLASSIFIER + " " + h.descriptor().version() + ": 64x64 patches of pair " + pair.id()
                + " against the same window of the template.");
        List<List<?>> table = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DeepPcbPatches.Patch p : shown) {
            Classification c = h.call(k -> k.classify(p.test(), p.reference(), ctx));
            String stem = "patch-" + p.source().replace('@', '-').replace(',', '-');
            ImageFiles.write(p.test(), dir.resolve(stem + ".png"));
            ImageFiles.write(p.reference(), dir.resolve(stem + "-golden.png"));
            String annotated = p.defective() ? Classification.DEFECTIVE : Classification.DEFECT_FREE;
            table.add(List.of(p.source(), annotated, c.label(), String.format(Locale.ROOT, "%.3f / %.3f",
                    c.details().get(Classification.DISTANCE), c.details().get(Classification.THRESHOLD)),
                    Html.Cell.thumbnail(stem + ".png", "patch"), Html.Cell.thumbnail(stem + "-golden.png",
                    "golden")));
            rows.add(Map.of("patch", p.source(), "defective", p.defective(), "decision", c.label(), "distance",
                    c.details().get(Classification.DISTANCE), "threshold", c.details().get(Classification.THRESHOLD)));
            results++;
        }
        page.table(List.of("Patch", "Annotated", "Decision", "Distance / threshold", "Patch", "Golden patch"), table);
        json.put("patches", rows);
    }

    /** The board in colour with each detection's box drawn in its type's colour. */
    private static RgbU8 boxes(PixelImage board, List<Detection> found) {
        GrayF32 g = FloatImages.brightness(board);
        RgbU8 out = RgbU8.create(board.width(), board.height());
        for (int y = 0; y < board.height(); y++) {
            for (int x = 0; x < board.width(); x++) {
                int v = Math.round(g.get(x, y) * 255);
                out.set(x, y, v, v, v);
            }
        }
        for (Detection d : found) {
            int[] c = COLOURS[DefectType.ofLabel(d.label()).map(t -> t.code() - 1).orElse(0)];
            int x1 = (int) d.x1();
            int y1 = (int) d.y1();
            int x2 = Math.min(board.width() - 1, (int) d.x2());
            int y2 = Math.min(board.height() - 1, (int) d.y2());
            for (int t = 0; t < 2; t++) {
                for (int x = x1; x <= x2; x++) {
                    out.set(x, Math.min(y2, y1 + t), c[0], c[1], c[2]);
                    out.set(x, Math.max(y1, y2 - t), c[0], c[1], c[2]);
                }
                for (int y = y1; y <= y2; y++) {
                    out.set(Math.min(x2, x1 + t), y, c[0], c[1], c[2]);
                    out.set(Math.max(x1, x2 - t), y, c[0], c[1], c[2]);
                }
            }
        }
        return out;
    }

    /** The section's figures, for {@code pcb.json}. */
    public Map<String, Object> json() {
        return json;
    }

    /** Boards and patches shown. */
    public int results() {
        return results;
    }
}
