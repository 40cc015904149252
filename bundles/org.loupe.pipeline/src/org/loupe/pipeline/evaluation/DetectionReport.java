package org.loupe.pipeline.evaluation;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loupe.metrics.detection.AnnotatedImage;
import org.loupe.metrics.detection.ApInterpolation;
import org.loupe.metrics.detection.ClassResult;
import org.loupe.metrics.detection.CocoEvaluation;
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
 * @param coco           COCO's figures, by its protocol exactly (mAP@[.5:.95], at 0.5 and 0.75, per area range)
 * @param pwsPercent     percentage of defects predicted within spec
 * @param sensitivity    mAP and F-score at other IoU thresholds
 * @param costs          cost of the run for each pair of miss and false-alarm costs
 * @param curves         each class's precision-recall curve by the DeepPCB rule, points {recall, precision}
 * @param cheapest       for each pair of costs asked for, the score threshold that costs least on these images
 * @param worst          the images with the most misses and false alarms at the threshold, worst first (at most
 *                       {@link #WORST})
 */
public record DetectionReport(int images, List<String> unprocessed, double scoreThreshold, List<ClassResult> classes,
        double map, Counts counts, double vocMap, CocoEvaluation.Scores coco, double pwsPercent, List<DetectionEvaluation.SensitivityRow> sensitivity,
        List<InspectionCost.Row> costs, Map<String, List<double[]>> curves, List<CostChoice> cheapest,
        List<DetectionEvaluation.ImageCounts> worst) {

    /** How many of the worst images a report names. */
    public static final int WORST = 8;

    /**
     * The score threshold that would cost least on these images: choose it on validation images, then evaluate it
     * on test images with that threshold.
     *
     * @param costAtThreshold what the report's own score threshold costs, for comparison
     */
    public record CostChoice(double missCost, double falseAlarmCost, double threshold, double cost,
            double costAtThreshold) {
    }

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
        return of(images, unprocessed, scoreThreshold, missCosts, falseAlarmCosts, List.of());
    }

    /** The same, with the cheapest threshold for each pair {miss cost, false-alarm cost}. */
    public static DetectionReport of(List<AnnotatedImage> images, List<String> unprocessed, double scoreThreshold,
            double[] missCosts, double[] falseAlarmCosts, List<double[]> costPairs) {
        DetectionEvaluation eval = new DetectionEvaluation(images);
        MatchRule rule = MatchRule.DEEPPCB;
        Counts all = eval.overall(rule, scoreThreshold);
        return new DetectionReport(images.size(), List.copyOf(unprocessed), scoreThreshold,
                eval.perClass(rule, ApInterpolation.ALL_POINT, scoreThreshold),
                eval.meanAveragePrecision(rule, ApInterpolation.ALL_POINT), all,
                eval.meanAveragePrecision(MatchRule.VOC, ApInterpolation.ALL_POINT), new CocoEvaluation(images).scores(),
                PredictionWithinSpec.percent(images, rule, scoreThreshold, SpecTolerance.DEFAULT),
                eval.iouSensitivity(rule, IOU_STEPS, scoreThreshold),
                InspectionCost.table(all, missCosts, falseAlarmCosts), curves(eval, rule), costPairs.stream().map(c -> {
                    double[] best = eval.cheapestThreshold(rule, c[0], c[1]);
                    return new CostChoice(c[0], c[1], best[0], best[1], InspectionCost.of(all, c[0], c[1]));
                }).toList(), eval.perImage(rule, scoreThreshold).stream().filter(i -> i.errors() > 0)
                .sorted(Comparator.comparingInt(DetectionEvaluation.ImageCounts::errors).reversed()).limit(WORST)
                .toList());
    }

    private static Map<String, List<double[]>> curves(DetectionEvaluation eval, MatchRule rule) {
        Map<String, List<double[]>> curves = new LinkedHashMap<>();
        for (String label : eval.labels()) {
            List<double[]> c = eval.precisionRecall(label, rule);
            if (!c.isEmpty()) {
                curves.put(label, c);
            }
        }
        return curves;
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
        m.put("mAP50to95", coco.map());
        m.put("coco", Map.of("mAP", coco.map(), "mAP50", coco.map50(), "mAP75", coco.map75(), "small",
                coco.small(), "medium", coco.medium(), "large", coco.large()));
        m.put("pwsPercent", pwsPercent);
        m.put("specTolerance", Map.of("positionPx", SpecTolerance.DEFAULT.position(), "sizeFraction",
                SpecTolerance.DEFAULT.size()));
        m.put("iouSensitivity", sensitivity.stream().map(r -> Map.of("iou", r.iouThreshold(), "mAP",
                r.meanAveragePrecision(), "f1", r.counts().f1())).toList());
        m.put("cheapestThresholds", cheapest);
        m.put("worstImages", worst.stream().map(i -> Map.of("image", i.id(), "misses", i.counts().falseNegatives(),
                "falseAlarms", i.counts().falsePositives())).toList());
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
        TextTable t = new TextTable("CLASS", "OBJECTS", "AP", "PRECISION", "RECALL", "F1", "MISSES", "FALSE ALARMS");
        for (ClassResult c : classes) {
            t.row(c.label(), c.truthCount(), pct(c.averagePrecision()), pct(c.atThreshold().precision()),
                    pct(c.atThreshold().recall()), pct(c.atThreshold().f1()), c.atThreshold().falseNegatives(),
                    c.atThreshold().falsePositives());
        }
        t.row("all", objects(), pct(map), pct(counts.precision()), pct(counts.recall()), pct(counts.f1()),
                counts.falseNegatives(), counts.falsePositives());
        out.append(t).append(String.format(Locale.ROOT, "mAP %s, F-score %s (TP %d, FP %d, FN %d); VOC mAP@0.5 %s, "
                + "COCO mAP@[.5:.95] %s%n", pct(map), pct(counts.f1()), counts.truePositives(),
                counts.falsePositives(), counts.falseNegatives(), pct(vocMap), pct(coco.map())));
        out.append(String.format(Locale.ROOT, "COCO protocol (at most 100 detections per image and class): AP@.50 %s, "
                + "AP@.75 %s; small %s, medium %s, large %s%n", pct(coco.map50()), pct(coco.map75()),
                pct(coco.small()), pct(coco.medium()), pct(coco.large())));
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
        out.append(c);
        if (!worst.isEmpty()) {
            TextTable w = new TextTable("WORST IMAGES", "MISSES", "FALSE ALARMS");
            worst.forEach(i -> w.row(i.id(), i.counts().falseNegatives(), i.counts().falsePositives()));
            out.append('\n').append(w);
        }
        if (!cheapest.isEmpty()) {
            TextTable k = new TextTable("MISS COST", "FALSE ALARM COST", "COST AT " + scoreThreshold,
                    "CHEAPEST THRESHOLD", "ITS COST");
            cheapest.forEach(x -> k.row(num(x.missCost()), num(x.falseAlarmCost()), num(x.costAtThreshold()),
                    String.format(Locale.ROOT, "%.4f", x.threshold()), num(x.cost())));
            out.append("\nthe threshold that would cost least on these images (choose it on validation images, then "
                    + "give it as --score-threshold on test images):\n").append(k);
        }
        return out.toString();
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
