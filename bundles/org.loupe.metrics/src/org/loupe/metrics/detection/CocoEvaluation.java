package org.loupe.metrics.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.loupe.api.Detection;

/**
 * COCO's box evaluation as {@code pycocotools}' {@code COCOeval} computes it: IoU thresholds 0.50:0.05:0.95, at most
 * 100 detections per image and class (the most confident), 101-point interpolated precision, and the area ranges
 * small (below 32x32 pixels), medium and large (above 96x96). Within a range, annotations outside it are ignored: a
 * detection matched to one counts neither way, and an unmatched detection outside the range is ignored too. Each
 * detection, most confident first, takes the unmatched annotation of best IoU at or above the threshold, preferring
 * annotations that are not ignored. A class without annotations in a range is left out of that range's mean; with
 * none at all the figure is NaN. Box areas are width times height (boxes only, no segmentation masks).
 */
public final class CocoEvaluation {

    /** Area ranges in square pixels, as COCO defines them. */
    public enum AreaRange {
        /** Every object. */
        ALL(0, Double.POSITIVE_INFINITY),
        /** Below 32 x 32. */
        SMALL(0, 32 * 32),
        /** From 32 x 32 to 96 x 96. */
        MEDIUM(32 * 32, 96 * 96),
        /** Above 96 x 96. */
        LARGE(96 * 96, Double.POSITIVE_INFINITY);

        private final double min;
        private final double max;

        AreaRange(double min, double max) {
            this.min = min;
            this.max = max;
        }

        boolean contains(double area) {
            return area >= min && area <= max;
        }
    }

    /**
     * The summary figures of COCO's first six lines.
     *
     * @param map    mAP@[.50:.95], all areas
     * @param map50  mAP at IoU 0.50
     * @param map75  mAP at IoU 0.75
     * @param small  mAP@[.50:.95] of small objects (NaN without any)
     * @param medium of medium objects
     * @param large  of large objects
     */
    public record Scores(double map, double map50, double map75, double small, double medium, double large) {
    }

    /** At most this many detections per image and class are scored. */
    public static final int MAX_DETECTIONS = 100;

    private static final int RECALL_POINTS = 101;

    private final List<AnnotatedImage> images;
    private final List<String> labels;

    /** An evaluation over the images; the classes are the labels of their annotations. */
    public CocoEvaluation(List<AnnotatedImage> images) {
        this.images = List.copyOf(images);
        TreeSet<String> all = new TreeSet<>();
        images.forEach(i -> i.truth().forEach(g -> all.add(g.label())));
        this.labels = List.copyOf(all);
    }

    /** The IoU thresholds 0.50, 0.55, ..., 0.95, as {@code numpy.linspace(.5, .95, 10)} computes them. */
    public static double iouThreshold(int i) {
        return 0.5 + i * ((0.95 - 0.5) / 9);
    }

    /** The six summary figures. */
    public Scores scores() {
        return new Scores(mean(AreaRange.ALL, 0, 10), mean(AreaRange.ALL, 0, 1), mean(AreaRange.ALL, 5, 6),
                mean(AreaRange.SMALL, 0, 10), mean(AreaRange.MEDIUM, 0, 10), mean(AreaRange.LARGE, 0, 10));
    }

    /** Mean AP over the classes with annotations in the range and the IoU thresholds {@code from} to {@code to}. */
    private double mean(AreaRange range, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int t = from; t < to; t++) {
            for (String label : labels) {
                double ap = averagePrecision(label, iouThreshold(t), range);
                if (!Double.isNaN(ap)) {
                    sum += ap;
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** One class's 101-point AP at one IoU threshold in one area range; NaN without annotations there. */
    public double averagePrecision(String label, double iouThreshold, AreaRange range) {
        record Scored(double score, boolean truePositive) {
        }
        List<Scored> scored = new ArrayList<>();
        int annotated = 0;
        for (AnnotatedImage img : images) {
            List<GroundTruth> gts = img.truth().stream().filter(g -> g.label().equals(label)).toList();
            List<Detection> dts = img.predictions().stream().filter(d -> d.label().equals(label))
                    .sorted(Comparator.comparingDouble(Detection::score).reversed()).limit(MAX_DETECTIONS).toList();
            // annotations in the range first, as COCOeval sorts them
            List<GroundTruth> ordered = new ArrayList<>(gts.stream().filter(g -> range.contains(area(g))).toList());
            int kept = ordered.size();
            annotated += kept;
            gts.stream().filter(g -> !range.contains(area(g))).forEach(ordered::add);
            boolean[] taken = new boolean[ordered.size()];
            for (Detection d : dts) {
                int m = -1;
                double best = Math.min(iouThreshold, 1 - 1e-10);
                for (int g = 0; g < ordered.size(); g++) {
                    if (taken[g]) {
                        continue;
                    }
                    if (m > -1 && m < kept && g >= kept) {
                        break; // matched to a scored annotation already: ignored ones cannot take it
                    }
                    double iou = Iou.of(d, ordered.get(g));
                    if (iou >= best) {
                        best = iou;
                        m = g;
                    }
                }
                if (m >= 0) {
                    taken[m] = true;
                    if (m < kept) {
                        scored.add(new Scored(d.score(), true));
                    }
                } else if (range.contains((d.x2() - d.x1()) * (d.y2() - d.y1()))) {
                    scored.add(new Scored(d.score(), false));
                }
            }
        }
        if (annotated == 0) {
            return Double.NaN;
        }
        // a stable sort, as numpy's mergesort: equal scores keep image order
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        double[] recall = new double[scored.size()];
        double[] precision = new double[scored.size()];
        int tp = 0;
        for (int i = 0; i < scored.size(); i++) {
            tp += scored.get(i).truePositive() ? 1 : 0;
            recall[i] = (double) tp / annotated;
            precision[i] = tp / (i + 1 + Math.ulp(1.0));
        }
        for (int i = precision.length - 2; i >= 0; i--) {
            precision[i] = Math.max(precision[i], precision[i + 1]);
        }
        double sum = 0;
        int at = 0;
        for (int k = 0; k < RECALL_POINTS; k++) {
            double r = k * 0.01; // as numpy.linspace(0, 1, 101) computes them
            while (at < recall.length && recall[at] < r) {
                at++;
            }
            sum += at < recall.length ? precision[at] : 0;
        }
        return sum / RECALL_POINTS;
    }

    private static double area(GroundTruth g) {
        return (g.x2() - g.x1()) * (g.y2() - g.y1());
    }
}
