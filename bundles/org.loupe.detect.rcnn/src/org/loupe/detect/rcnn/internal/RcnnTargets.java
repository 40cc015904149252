package org.loupe.detect.rcnn.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.loupe.detect.learned.PyramidBackbone;
import org.loupe.metrics.detection.GroundTruth;

/**
 * What each training crop teaches the two stages, packed in one row of floats per crop (the training loop feeds one
 * target tensor). First, for every anchor ({@link Anchors#grid} order): sampled, label, and the box code of its
 * object. An anchor is positive when its IoU with a box reaches {@value #POSITIVE_IOU} or it is a box's best anchor,
 * negative below {@value #NEGATIVE_IOU}; {@value #ANCHORS_SAMPLED} are sampled per crop, at most half positive (as
 * Faster R-CNN). Then {@value #REGIONS} regions for the second stage: their RoIAlign box, valid, the one-hot class
 * (0 is background: IoU below 0.5 with every box) and the box code of their object. The regions are drawn around the
 * crop's boxes (a quarter close, a quarter loose) and anywhere (the rest), the way a region proposal network's
 * proposals fall, so that the second stage learns on what it will be shown; drawing them here, rather than from the
 * network's own proposals, keeps one training step one TensorFlow call.
 */
final class RcnnTargets {

    static final double POSITIVE_IOU = 0.5;
    static final double NEGATIVE_IOU = 0.3;
    static final int ANCHORS_SAMPLED = 256;
    static final int REGIONS = 64;
    /** The box code's standard deviations: the proposal network's and the second stage's (Faster R-CNN's). */
    static final double[] RPN_STD = {1, 1, 1, 1};
    static final double[] HEAD_STD = {0.1, 0.1, 0.2, 0.2};

    private final int patch;
    private final int grid;
    private final List<String> classes;
    private final double[] anchors;

    RcnnTargets(int patch, List<String> classes) {
        this.patch = patch;
        this.grid = patch / PyramidBackbone.STRIDE;
        this.classes = List.copyOf(classes);
        this.anchors = Anchors.grid(grid, grid);
    }

    /** Floats per anchor. */
    static int perAnchor() {
        return 6;
    }

    /** Floats per region. */
    int perRegion() {
        return 4 + 1 + 1 + classes.size() + 4;
    }

    /** Floats of one crop's row. */
    int size() {
        return anchorCount() * perAnchor() + REGIONS * perRegion();
    }

    int anchorCount() {
        return anchors.length / 4;
    }

    /** Writes the row of a crop with these boxes into {@code t} from {@code at}. */
    void write(List<GroundTruth> boxes, SplittableRandom r, float[] t, int at) {
        double[] truth = new double[boxes.size() * 4];
        for (int i = 0; i < boxes.size(); i++) {
            GroundTruth b = boxes.get(i);
            System.arraycopy(new double[] {b.x1(), b.y1(), b.x2(), b.y2()}, 0, truth, i * 4, 4);
        }
        writeAnchors(truth, r, t, at);
        int regions = at + anchorCount() * perAnchor();
        for (int k = 0; k < REGIONS; k++) {
            writeRegion(boxes, truth, drawRegion(truth, k, r), t, regions + k * perRegion());
        }
    }

    private void writeAnchors(double[] truth, SplittableRandom r, float[] t, int at) {
        int n = anchorCount();
        int objects = truth.length / 4;
        double[] best = new double[n];
        int[] match = new int[n];
        double[] bestForObject = new double[objects];
        for (int a = 0; a < n; a++) {
            for (int o = 0; o < objects; o++) {
                double iou = Anchors.iou(anchors, a * 4, truth, o * 4);
                if (iou > best[a]) {
                    best[a] = iou;
                    match[a] = o;
                }
                bestForObject[o] = Math.max(bestForObject[o], iou);
            }
        }
        List<Integer> positives = new ArrayList<>();
        List<Integer> negatives = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            boolean isBest = objects > 0 && best[a] > 0 && best[a] == bestForObject[match[a]];
            if (best[a] >= POSITIVE_IOU || isBest) {
                positives.add(a);
            } else if (best[a] < NEGATIVE_IOU) {
                negatives.add(a);
            }
        }
        int pos = Math.min(positives.size(), ANCHORS_SAMPLED / 2);
        int neg = Math.min(negatives.size(), ANCHORS_SAMPLED - pos);
        for (int a : sample(positives, pos, r)) {
            int o = at + a * perAnchor();
            t[o] = 1;
            t[o + 1] = 1;
            int m = match[a] * 4;
            Anchors.encode(anchors, a * 4, truth[m], truth[m + 1], truth[m + 2], truth[m + 3], RPN_STD, t, o + 2);
        }
        for (int a : sample(negatives, neg, r)) {
            t[at + a * perAnchor()] = 1;
        }
    }

    /** {@code k} of the items, drawn without replacement (a partial Fisher-Yates shuffle). */
    private static List<Integer> sample(List<Integer> items, int k, SplittableRandom r) {
        for (int i = 0; i < k; i++) {
            int j = i + r.nextInt(items.size() - i);
            Integer swap = items.get(i);
            items.set(i, items.get(j));
            items.set(j, swap);
        }
        return items.subList(0, k);
    }

    /** Region {@code k}: close around a box, loose around one, or anywhere in the crop. */
    private double[] drawRegion(double[] truth, int k, SplittableRandom r) {
        int objects = truth.length / 4;
        double cx;
        double cy;
        double w;
        double h;
        if (objects > 0 && k < REGIONS / 2) {
            int o = r.nextInt(objects) * 4;
            double spread = k < REGIONS / 4 ? 0.15 : 0.6;
            double bw = truth[o + 2] - truth[o];
            double bh = truth[o + 3] - truth[o + 1];
            cx = (truth[o] + truth[o + 2]) / 2 + r.nextDouble(-spread, spread) * bw;
            cy = (truth[o + 1] + truth[o + 3]) / 2 + r.nextDouble(-spread, spread) * bh;
            w = bw * Math.exp(r.nextDouble(-spread, spread) * 1.5);
            h = bh * Math.exp(r.nextDouble(-spread, spread) * 1.5);
        } else {
            double side = Math.exp(r.nextDouble(Math.log(12), Math.log(160)));
            double ratio = Math.exp(r.nextDouble(Math.log(1 / 3.0), Math.log(3)));
            w = side * Math.sqrt(ratio);
            h = side / Math.sqrt(ratio);
            cx = r.nextDouble(0, patch);
            cy = r.nextDouble(0, patch);
        }
        double x1 = Math.max(0, cx - w / 2);
        double y1 = Math.max(0, cy - h / 2);
        double x2 = Math.min(patch, Math.max(x1 + 2, cx + w / 2));
        double y2 = Math.min(patch, Math.max(y1 + 2, cy + h / 2));
        return new double[] {Math.min(x1, x2 - 2), Math.min(y1, y2 - 2), x2, y2};
    }

    private void writeRegion(List<GroundTruth> boxes, double[] truth, double[] roi, float[] t, int at) {
        float[] box = RoiAlign.box(roi[0], roi[1], roi[2], roi[3], grid, grid);
        System.arraycopy(box, 0, t, at, 4);
        t[at + 4] = 1;
        double best = 0;
        int match = -1;
        for (int o = 0; o < boxes.size(); o++) {
            double iou = Anchors.iou(roi, 0, truth, o * 4);
            if (iou > best) {
                best = iou;
                match = o;
            }
        }
        int label = best >= 0.5 ? 1 + classes.indexOf(boxes.get(match).label()) : 0;
        t[at + 5 + label] = 1;
        if (label > 0) {
            int m = match * 4;
            Anchors.encode(roi, 0, truth[m], truth[m + 1], truth[m + 2], truth[m + 3], HEAD_STD, t,
                    at + 6 + classes.size());
        }
    }
}
