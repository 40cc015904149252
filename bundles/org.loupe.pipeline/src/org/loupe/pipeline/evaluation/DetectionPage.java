package org.loupe.pipeline.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loupe.metrics.detection.ClassResult;
import org.loupe.metrics.detection.InspectionCost;
import org.loupe.report.Charts;
import org.loupe.report.Html;

/**
 * A {@link DetectionReport} as part of an HTML page: the protocol and totals, the per-class table, the worst images
 * (with thumbnails where given), and plots of AP
 * per class, precision against recall per class, the IoU sensitivity and the cost of the run for every pair of costs
 * (a heat map). Used by {@code loupe eval detect --report} and by a pipeline run's {@code report.html}.
 */
public final class DetectionPage {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 360;

    private DetectionPage() {
    }

    /**
     * Appends the section to the page and writes its plots beside it.
     *
     * @param prefix the plots' file-name prefix, e.g. {@code report-}
     */
    public static void append(Html page, Path dir, String prefix, DetectionReport d) throws IOException {
        append(page, dir, prefix, d, Map.of());
    }

    /**
     * Appends the section with a thumbnail beside each of the worst images that has one (from {@link WorstImages}).
     *
     * @param thumbnails file names relative to the page, by image id
     */
    public static void append(Html page, Path dir, String prefix, DetectionReport d, Map<String, String> thumbnails)
            throws IOException {
        page.heading("Detection").paragraph(DetectionReport.PROTOCOL + String.format(Locale.ROOT, "; %d images, "
                + "score threshold %.2f. mAP %s, F-score %s (TP %d, FP %d, FN %d); VOC mAP@0.5 %s; COCO "
                + "mAP@[.5:.95] %s (small %s, medium %s, large %s).", d.images(), d.scoreThreshold(), pct(d.map()),
                pct(d.counts().f1()), d.counts().truePositives(), d.counts().falsePositives(),
                d.counts().falseNegatives(), pct(d.vocMap()), pct(d.coco().map()), pct(d.coco().small()),
                pct(d.coco().medium()), pct(d.coco().large())));
        if (!d.unprocessed().isEmpty()) {
            page.paragraph("warn", d.unprocessed().size() + " input(s) could not be processed; their defects count "
                    + "as missed: " + String.join(", ", d.unprocessed()));
        }
        List<List<?>> rows = new ArrayList<>();
        Map<String, Double> ap = new LinkedHashMap<>();
        for (ClassResult c : d.classes()) {
            rows.add(List.of(c.label(), c.truthCount(), pct(c.averagePrecision()), pct(c.atThreshold().precision()),
                    pct(c.atThreshold().recall()), pct(c.atThreshold().f1()), c.atThreshold().falseNegatives(),
                    c.atThreshold().falsePositives()));
            ap.put(c.label(), Double.isNaN(c.averagePrecision()) ? 0 : c.averagePrecision());
        }
        page.table(List.of("Class", "Objects", "AP", "Precision", "Recall", "F1", "Misses", "False alarms"), rows);
        if (!d.worst().isEmpty()) {
            page.paragraph("The images with the most misses and false alarms at the threshold (annotated boxes green, "
                    + "detections red):").table(List.of("Image", "Misses", "False alarms", ""), d.worst().stream()
                    .<List<?>>map(i -> List.of(i.id(), i.counts().falseNegatives(), i.counts().falsePositives(),
                            thumbnails.containsKey(i.id()) ? Html.Cell.thumbnail(thumbnails.get(i.id()), i.id())
                                    : "")).toList());
        }
        Charts.bars("AP per class", "AP", ap).writePng(dir.resolve(prefix + "ap.png"), WIDTH, HEIGHT);
        page.image(prefix + "ap.png", "AP per class");
        if (!d.curves().isEmpty()) {
            Charts.curves("Precision against recall", "recall", "precision", d.curves())
                    .writePng(dir.resolve(prefix + "pr.png"), WIDTH, HEIGHT);
            page.image(prefix + "pr.png", "precision-recall curves per class");
        }
        Map<String, List<double[]>> sensitivity = new LinkedHashMap<>();
        sensitivity.put("mAP", d.sensitivity().stream().map(s -> new double[] {s.iouThreshold(),
            s.meanAveragePrecision()}).toList());
        sensitivity.put("F-score", d.sensitivity().stream().map(s -> new double[] {s.iouThreshold(),
            s.counts().f1()}).toList());
        Charts.curves("IoU sensitivity", "IoU threshold", "score", sensitivity)
                .writePng(dir.resolve(prefix + "iou.png"), WIDTH, HEIGHT);
        page.image(prefix + "iou.png", "mAP and F-score against the IoU threshold");
        costs(page, dir, prefix, d.costs());
    }

    /** The cost table as a heat map: miss costs up, false-alarm costs across. */
    private static void costs(Html page, Path dir, String prefix, List<InspectionCost.Row> costs) throws IOException {
        double[] miss = costs.stream().mapToDouble(InspectionCost.Row::missCost).distinct().toArray();
        double[] alarm = costs.stream().mapToDouble(InspectionCost.Row::falseAlarmCost).distinct().toArray();
        if (miss.length * alarm.length != costs.size() || costs.isEmpty()) {
            return;
        }
        double[][] total = new double[miss.length][alarm.length];
        for (InspectionCost.Row r : costs) {
            total[indexOf(miss, r.missCost())][indexOf(alarm, r.falseAlarmCost())] = r.total();
        }
        Charts.heatmap("Cost of the run", "cost of a false alarm", "cost of a miss", alarm, miss, total)
                .writePng(dir.resolve(prefix + "cost.png"), WIDTH, HEIGHT);
        page.image(prefix + "cost.png", "cost of the run for each pair of costs");
    }

    private static int indexOf(double[] values, double v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        throw new IllegalArgumentException(v + " not among the costs");
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
