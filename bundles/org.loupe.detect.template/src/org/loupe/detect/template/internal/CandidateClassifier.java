package org.loupe.detect.template.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.loupe.api.Detection;
import org.loupe.api.LoupeException;
import org.loupe.data.deeppcb.DefectType;
import org.loupe.metrics.detection.Iou;
import org.loupe.tensorflow.ModelHandle;
import org.loupe.tensorflow.ImageTensors;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Runs the candidate network on every candidate of a comparison in one batch and turns its rows into detections:
 * the most likely defect type with its probability as confidence, and the refined box. Two detections of one type
 * that overlap by more than {@value #NMS_IOU} IoU are one defect seen twice (two pieces of one difference): the
 * less confident is dropped.
 */
final class CandidateClassifier {

    private static final double NMS_IOU = 0.4;

    private CandidateClassifier() {
    }

    /** The detections whose confidence reaches {@code minScore}. */
    static List<Detection> classify(ModelHandle model, TemplateComparison c, double minScore) throws LoupeException {
        int n = c.components().size();
        if (n == 0) {
            return List.of();
        }
        float[] crops = new float[n * CandidateCrops.SIZE];
        List<CandidateCrops.Window> windows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CandidateCrops.Window w = CandidateCrops.Window.around(c.components().get(i));
            windows.add(w);
            CandidateCrops.cut(c.test(), c.template(), c.shift(), w, crops, i * CandidateCrops.SIZE);
        }
        float[] rows;
        try (TFloat32 in = TFloat32.tensorOf(Shape.of(n, CandidateCrops.SIDE, CandidateCrops.SIDE,
                CandidateCrops.CHANNELS), DataBuffers.of(crops, true, false))) {
            rows = model.run(in, ImageTensors::values);
        }
        List<Detection> found = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Detection d = detection(rows, i * CandidateNetwork.OUTPUTS, windows.get(i), c.test().width(),
                    c.test().height());
            if (d != null && d.score() >= minScore) {
                found.add(d);
            }
        }
        return suppressDuplicates(found);
    }

    /** One output row as a detection of its most likely defect type; null if the box collapses. */
    private static Detection detection(float[] rows, int o, CandidateCrops.Window w, int width, int height) {
        double[] p = softmax(rows, o, CandidateNetwork.CLASSES);
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
        List<Detection> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection d : sorted) {
            boolean duplicate = kept.stream().anyMatch(k -> k.label().equals(d.label())
                    && Iou.of(k.x1(), k.y1(), k.x2(), k.y2(), d.x1(), d.y1(), d.x2(), d.y2()) > NMS_IOU);
            if (!duplicate) {
                kept.add(d);
            }
        }
        return kept;
    }
}
