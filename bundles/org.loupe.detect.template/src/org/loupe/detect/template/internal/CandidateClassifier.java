package org.loupe.detect.template.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.loupe.api.Detection;
import org.loupe.api.LoupeException;
import org.loupe.data.deeppcb.DefectType;
import org.loupe.numerics.regions.Boxes;
import org.loupe.tensorflow.ModelHandle;
import org.loupe.tensorflow.ImageTensors;
import org.loupe.tensorflow.train.Dihedral;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Runs the candidate network on every candidate of a comparison in one batch and turns its rows into detections:
 * the most likely defect type with its probability as confidence, and the refined box. Two detections of one type
 * that overlap by more than {@value #NMS_IOU} IoU are one defect seen twice (two pieces of one difference): the
 * less confident is dropped. With several views, a candidate the network is unsure of is also shown turned by the
 * first symmetries of the square ({@link Dihedral}, as in training) and the class probabilities are averaged; with
 * several networks (an ensemble of training runs), each of them sees those views too. The first network's unturned
 * view decides whether a candidate is sure and gives the box.
 */
final class CandidateClassifier {

    private static final double NMS_IOU = 0.4;

    private CandidateClassifier() {
    }

    /**
     * The detections whose confidence reaches {@code minScore}.
     *
     * @param models the networks whose class probabilities are averaged (at least one)
     * @param views  how many symmetries of each crop the networks see (1 to 8)
     * @param sure   a candidate whose unturned view already gives one class at least this probability from the
     *               first network keeps that answer; only the others are shown the further views and networks
     *               (1: all are)
     */
    static List<Detection> classify(List<ModelHandle> models, TemplateComparison c, double minScore, int views,
            double sure) throws LoupeException {
        int n = c.components().size();
        if (n == 0) {
            return List.of();
        }
        List<CandidateCrops.Window> windows = c.components().stream().map(CandidateCrops.Window::around).toList();
        // cut once: the unsure candidates' further views and networks turn the same crops
        float[] crops = crops(c, windows);
        float[] single = outputs(models.get(0), crops, IntStream.range(0, n).boxed().toList(), 0, 1);
        double[][] p = new double[n][];
        List<Integer> unsure = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            p[i] = softmax(single, i * CandidateNetwork.OUTPUTS, CandidateNetwork.CLASSES);
            if (views * models.size() > 1 && Arrays.stream(p[i]).max().orElse(0) < sure) {
                unsure.add(i);
            }
        }
        if (!unsure.isEmpty()) {
            for (int m = 0; m < models.size(); m++) {
                // the first network's unturned view is already in hand
                int from = m == 0 ? 1 : 0;
                if (from == views) {
                    continue;
                }
                float[] more = outputs(models.get(m), crops, unsure, from, views);
                for (int k = 0; k < unsure.size(); k++) {
                    for (int t = 0; t < views - from; t++) {
                        add(p[unsure.get(k)], softmax(more, (k * (views - from) + t) * CandidateNetwork.OUTPUTS,
                                CandidateNetwork.CLASSES));
                    }
                }
            }
            for (int i : unsure) {
                for (int j = 0; j < p[i].length; j++) {
                    p[i][j] /= views * models.size();
                }
            }
        }
        List<Detection> found = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Detection d = detection(p[i], single, i * CandidateNetwork.OUTPUTS, windows.get(i), c.test().width(),
                    c.test().height());
            if (d != null && d.score() >= minScore) {
                found.add(d);
            }
        }
        return suppressDuplicates(found);
    }

    /** The crop of every window, one after another ({@link CandidateCrops#SIZE} values each). */
    static float[] crops(TemplateComparison c, List<CandidateCrops.Window> windows) {
        float[] crops = new float[windows.size() * CandidateCrops.SIZE];
        for (int i = 0; i < windows.size(); i++) {
            CandidateCrops.cut(c.test(), c.template(), c.shift(), windows.get(i), crops, i * CandidateCrops.SIZE);
        }
        return crops;
    }

    /**
     * The network's output rows for views {@code from .. to - 1} of the crops numbered {@code which}: the k-th
     * one's view {@code from + t} is row {@code k * (to - from) + t}.
     */
    static float[] outputs(ModelHandle model, float[] crops, List<Integer> which, int from, int to)
            throws LoupeException {
        int n = which.size();
        int views = to - from;
        float[] turned = new float[n * views * CandidateCrops.SIZE];
        for (int k = 0; k < n; k++) {
            for (int t = 0; t < views; t++) {
                Dihedral.turn(crops, which.get(k) * CandidateCrops.SIZE, CandidateCrops.SIDE, CandidateCrops.CHANNELS,
                        from + t, turned, (k * views + t) * CandidateCrops.SIZE);
            }
        }
        try (TFloat32 in = TFloat32.tensorOf(Shape.of(n * views, CandidateCrops.SIDE, CandidateCrops.SIDE,
                CandidateCrops.CHANNELS), DataBuffers.of(turned, true, false))) {
            return model.run(in, ImageTensors::values);
        }
    }

    /**
     * A candidate as a detection of its most likely defect type given its class probabilities, with the box of its
     * unturned view's output row at {@code o}; null if the box collapses.
     */
    private static Detection detection(double[] p, float[] rows, int o, CandidateCrops.Window w, int width,
            int height) {
        int best = 1;
        for (int k = 2; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        int b = o + CandidateNetwork.CLASSES;
        double x1 = clamp(w.x() + rows[b] * w.side(), width);
        double y1 = clamp(w.y() + rows[b + 1] * w.side(), height);
        double x2 = clamp(w.x() + rows[b + 2] * w.side(), width);
        double y2 = clamp(w.y() + rows[b + 3] * w.side(), height);
        if (x2 <= x1 || y2 <= y1) {
            return null;
        }
        return new Detection(x1, y1, x2, y2, DefectType.ofCode(best).orElseThrow().label(), p[best]);
    }

    private static void add(double[] sum, double[] q) {
        for (int j = 0; j < sum.length; j++) {
            sum[j] += q[j];
        }
    }

    private static double[] softmax(float[] rows, int o, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            max = Math.max(max, rows[o + i]);
        }
        double[] p = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            p[i] = Math.exp(rows[o + i] - max);
            sum += p[i];
        }
        for (int i = 0; i < k; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static double clamp(double v, int n) {
        return Math.max(0, Math.min(n, v));
    }

    /** Greedy non-maximum suppression within each type, most confident first. */
    static List<Detection> suppressDuplicates(List<Detection> found) {
        return Boxes.suppressPerLabel(found, NMS_IOU);
    }
}
