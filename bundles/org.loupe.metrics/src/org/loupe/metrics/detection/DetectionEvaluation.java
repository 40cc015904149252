package org.loupe.metrics.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Scores a detector over a data set. For each class it matches predictions to annotated objects (see
 * {@link MatchRule}), computes average precision over all predictions, and counts true and false positives and misses
 * among predictions scoring at least {@code scoreThreshold}. mAP is the mean AP over the classes that have annotated
 * objects (a class with predictions but no objects cannot be scored and is left out, as in VOC and COCO).
 */
public final class DetectionEvaluation {

    private final List<AnnotatedImage> images;
    private final List<String> labels;

    /** An evaluation over the given images; the classes are every label that occurs in truth or predictions. */
    public DetectionEvaluation(List<AnnotatedImage> images) {
        this.images = List.copyOf(images);
        TreeSet<String> all = new TreeSet<>();
        for (AnnotatedImage img : images) {
            img.truth().forEach(g -> all.add(g.label()));
            img.predictions().forEach(p -> all.add(p.label()));
        }
        this.labels = List.copyOf(all);
    }

    /** The classes, sorted. */
    public List<String> labels() {
        return labels;
    }

    /** Per-class results under one matching rule. */
    public List<ClassResult> perClass(MatchRule rule, ApInterpolation how, double scoreThreshold) {
        List<ClassResult> out = new ArrayList<>();
        for (String label : labels) {
            Matching all = Matching.of(images, label, rule, Double.NEGATIVE_INFINITY);
            double ap = AveragePrecision.of(all.outcomes.stream().map(Matching.Outcome::truePositive).toList(),
                    all.truthCount, how);
            Matching kept = Matching.of(images, label, rule, scoreThreshold);
            Counts c = new Counts(kept.truePositives(), kept.falsePositives(), all.truthCount - kept.truePositives());
            out.add(new ClassResult(label, all.truthCount, ap, c));
        }
        return out;
    }

    /** Mean AP over the classes with annotated objects; NaN if there are none. */
    public double meanAveragePrecision(MatchRule rule, ApInterpolation how) {
        return mean(perClass(rule, how, Double.POSITIVE_INFINITY));
    }

    /** COCO's mAP@[.5:.95], exactly as {@link CocoEvaluation} computes it. */
    public double cocoMeanAveragePrecision() {
        return new CocoEvaluation(images).scores().map();
    }

    /**
     * One class's precision-recall curve under a matching rule: a point {recall, precision} after each prediction,
     * most confident first (empty without annotated objects).
     */
    public List<double[]> precisionRecall(String label, MatchRule rule) {
        Matching m = Matching.of(images, label, rule, 0);
        List<double[]> points = new ArrayList<>();
        if (m.truthCount == 0) {
            return points;
        }
        int tp = 0;
        for (int i = 0; i < m.outcomes.size(); i++) {
            tp += m.outcomes.get(i).truePositive() ? 1 : 0;
            points.add(new double[] {(double) tp / m.truthCount, (double) tp / (i + 1)});
        }
        return points;
    }

    /**
     * The score threshold that costs least when each missed object costs {@code missCost} and each false alarm
     * {@code falseAlarmCost}: every distinct prediction score is tried (and 1.0 above them all, keeping nothing);
     * ties go to the higher threshold, which keeps fewer alarms.
     *
     * @return {threshold, its cost}
     */
    public double[] cheapestThreshold(MatchRule rule, double missCost, double falseAlarmCost) {
        TreeSet<Double> scores = new TreeSet<>();
        images.forEach(i -> i.predictions().forEach(p -> scores.add(p.score())));
        scores.add(Math.nextUp(scores.isEmpty() ? 0 : scores.last()));
        double best = Double.NaN;
        double bestCost = Double.POSITIVE_INFINITY;
        for (double t : scores.descendingSet()) {
            double cost = InspectionCost.of(overall(rule, t), missCost, falseAlarmCost);
            if (cost < bestCost) {
                bestCost = cost;
                best = t;
            }
        }
        return new double[] {best, bestCost};
    }

    /**
     * Each image's own counts at a score threshold, for error analysis: which images carry the misses and the false
     * alarms.
     */
    public List<ImageCounts> perImage(MatchRule rule, double scoreThreshold) {
        List<ImageCounts> out = new ArrayList<>();
        for (AnnotatedImage img : images) {
            out.add(new ImageCounts(img.id(), new DetectionEvaluation(List.of(img)).overall(rule, scoreThreshold)));
        }
        return out;
    }

    /** One image's counts, from {@link #perImage}. */
    public record ImageCounts(String id, Counts counts) {
        /** Misses and false alarms together. */
        public int errors() {
            return counts.falseNegatives() + counts.falsePositives();
        }
    }

    /** Counts summed over classes for predictions scoring at least {@code scoreThreshold}. */
    public Counts overall(MatchRule rule, double scoreThreshold) {
        Counts total = new Counts(0, 0, 0);
        for (ClassResult r : perClass(rule, ApInterpolation.ALL_POINT, scoreThreshold)) {
            total = total.plus(r.atThreshold());
        }
        return total;
    }

    /**
     * How the figures depend on the IoU a match needs: one row per threshold with mAP (all-point) and the overall
     * precision, recall and F1 at the score threshold.
     */
    public List<SensitivityRow> iouSensitivity(MatchRule base, double[] thresholds, double scoreThreshold) {
        List<SensitivityRow> rows = new ArrayList<>();
        for (double t : thresholds) {
            MatchRule rule = base.at(t);
            rows.add(new SensitivityRow(t, meanAveragePrecision(rule, ApInterpolation.ALL_POINT),
                    overall(rule, scoreThreshold)));
        }
        return rows;
    }

    /** One row of {@link #iouSensitivity}. */
    public record SensitivityRow(double iouThreshold, double meanAveragePrecision, Counts counts) {
    }

    private static double mean(List<ClassResult> results) {
        double sum = 0;
        int n = 0;
        for (ClassResult r : results) {
            if (!Double.isNaN(r.averagePrecision())) {
                sum += r.averagePrecision();
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
