package org.loupe.pipeline.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loupe.metrics.detection.AnnotatedImage;
import org.loupe.metrics.detection.ApInterpolation;
import org.loupe.metrics.detection.ClassResult;
import org.loupe.metrics.detection.Counts;
import org.loupe.metrics.detection.DetectionEvaluation;
import org.loupe.metrics.detection.InspectionCost;
import org.loupe.metrics.detection.MatchRule;
import org.loupe.metrics.detection.PredictionWithinSpec;
import org.loupe.metrics.detection.SpecTolerance;
import org.loupe.report.TextTable;

/**
 * Detections scored against annotations by the DeepPCB protocol (same class and IoU over 0.33, greedy matching by
 * descending score, all-point AP), with the figures labs compare against: AP per class, mAP, precision, recall and
 * F-score at a score threshold, VOC and COCO mAP, an IoU sensitivity table, prediction within spec and the cost of
 * the run. Images that could not be processed are scored as having no detections, so they count as missed.
 *
 * @param images         images scored
 * @param unprocessed    ids of the images that could not be processed
 * @param scoreThreshold confidence a detection needs for the threshold figures
 * @param classes        per-class results
 * @param map            DeepPCB mAP
 * @param counts         overall counts at the threshold
 * @param vocMap         mAP at IoU 0.5
 * @param cocoMap        mAP averaged over IoU 0.5 to 0.95
 * @param pwsPercent     percentage of defects predicted within spec
 * @param sensitivity    mAP and F-score at other IoU thresholds
 * @param costs          cost of the run for each pair of miss and false-alarm costs
 */
public record DetectionReport(int images, List<String> unprocessed, double scoreThreshold, List<ClassResult> classes,
        double map, Counts counts, double vocMap, double cocoMap, double pwsPercent, List<DetectionEvaluation.SensitivityRow> sensitivity,
        List<InspectionCost.Row> costs) {

    /** The protocol in one line, as reports print it. */
    public static final String PROTOCOL =
            "DeepPCB: same class and IoU > 0.33; greedy matching by descending score; all-point AP";

    private static final double[] IOU_STEPS = {0.1, 0.2, 0.3, 0.33, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    /** Scores the images, with the default cost tables. */
    public static DetectionReport of(List<AnnotatedImage> images, List<String> unprocessed, double scoreThreshold) {
        return of(images, unprocessed, scoreThreshold, InspectionCost.DEFAULT_MISS_COSTS,
                InspectionCost.DEFAULT_FALSE_ALARM_COSTS);
    }

    /** Scores the images; the cost table crosses every miss cost with every false-alarm cost. */
    public static DetectionReport of(List<AnnotatedImage> images, List<String> unprocessed, double scoreThreshold,
            double[] missCosts, double[] falseAlarmCosts) {
        DetectionEvaluation eval = new DetectionEvaluation(images);
        MatchRule rule = MatchRule.DEEPPCB;
        Counts all = eval.overall(rule, scoreThreshold);
        return new DetectionReport(images.size(), List.copyOf(unprocessed), scoreThreshold,
                eval.perClass(rule, ApInterpolation.ALL_POINT, scoreThreshold),
                eval.meanAveragePrecision(rule, ApInterpolation.ALL_POINT), all,
                eval.meanAveragePrecision(MatchRule.VOC, ApInterpolation.ALL_POINT), eval.cocoMeanAveragePrecision(),
                PredictionWithinSpec.percent(images, rule, scoreThreshold, SpecTolerance.DEFAULT),
                eval.iouSensitivity(rule, IOU_STEPS, scoreThreshold),
                InspectionCost.table(all, missCosts, falseAlarmCosts));
    }

    /** Annotated objects over all classes. */
    public int objects() {
        return classes.stream().mapToInt(ClassResult::truthCount).sum();
    }

    /** The report as nested maps and lists, for JSON. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", PROTOCOL);
        m.put("images", images);
        m.put("unprocessedCountedAsMissed", unprocessed);
        m.put("scoreThreshold", scoreThreshold);
        m.put("classes", classes.stream().map(c -> Map.of("label", c.label(), "objects", c.truthCount(),
                "ap", c.averagePrecision(), "precision", c.atThreshold().precision(), "recall",
                c.atThreshold().recall(), "f1", c.atThreshold().f1())).toList());
        m.put("mAP", map);
        m.put("counts", Map.of("tp", counts.truePositives(), "fp", counts.falsePositives(), "fn",
                counts.falseNegatives()));
        m.put("precision", counts.precision());
        m.put("recall", counts.recall());
        m.put("fScore", counts.f1());
        m.put("mAP50", vocMap);
        m.put("mAP50to95", cocoMap);
        m.put("pwsPercent", pwsPercent);
        m.put("specTolerance", Map.of("positionPx", SpecTolerance.DEFAULT.position(), "sizeFraction",
                SpecTolerance.DEFAULT.size()));
        m.put("iouSensitivity", sensitivity.stream().map(r -> Map.of("iou", r.iouThreshold(), "mAP",
                r.meanAveragePrecision(), "f1", r.counts().f1())).toList());
        m.put("costs", costs.stream().map(c -> Map.of("missCost", c.missCost(), "falseAlarmCost",
                c.falseAlarmCost(), "total", c.total())).toList());
        return m;
    }

    /** The report as the tables a person reads: per class, IoU sensitivity, and the cost of the run. */
    public String text() {
        StringBuilder out = new StringBuilder();
        if (!unprocessed.isEmpty()) {
            out.append(unprocessed.size()).append(" pair(s) could not be processed; their defects count as missed: ")
                    .append(String.join(", ", unprocessed)).append('\n');
        }
        out.append("DeepPCB protocol: same class and IoU > 0.33, ").append(images).append(" images, score threshold ")
                .append(scoreThreshold).append('\n');
        TextTable t = new TextTable("CLASS", "OBJECTS", "AP", "PRECISION", "RECALL", "F1");
        for (ClassResult c : classes) {
            t.row(c.label(), c.truthCount(), pct(c.averagePrecision()), pct(c.atThreshold().precision()),
                    pct(c.atThreshold().recall()), pct(c.atThreshold().f1()));
        }
        t.row("all", objects(), pct(map), pct(counts.precision()), pct(counts.recall()), pct(counts.f1()));
        out.append(t).append(String.format(Locale.ROOT, "mAP %s, F-score %s (TP %d, FP %d, FN %d); VOC mAP@0.5 %s, "
                + "COCO mAP@[.5:.95] %s%n", pct(map), pct(counts.f1()), counts.truePositives(),
                counts.falsePositives(), counts.falseNegatives(), pct(vocMap), pct(cocoMap)));
        out.append(String.format(Locale.ROOT, "prediction within spec: %s of defects (centre within %.0f px, size "
                + "within %.0f%%)%n%n", pct(pwsPercent / 100), SpecTolerance.DEFAULT.position(),
                100 * SpecTolerance.DEFAULT.size()));
        TextTable s = new TextTable("IOU >", "mAP", "F1");
        sensitivity.forEach(x -> s.row(String.format(Locale.ROOT, "%.2f", x.iouThreshold()),
                pct(x.meanAveragePrecision()), pct(x.counts().f1())));
        out.append(s).append('\n');
        TextTable c = new TextTable("MISS COST", "FALSE ALARM COST", "MISSES", "FALSE ALARMS", "TOTAL COST");
        costs.forEach(x -> c.row(num(x.missCost()), num(x.falseAlarmCost()), num(x.missLoss()),
                num(x.falseAlarmLoss()), num(x.total())));
        return out.append(c).toString();
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
