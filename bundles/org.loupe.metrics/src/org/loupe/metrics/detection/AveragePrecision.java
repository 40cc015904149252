package org.loupe.metrics.detection;

import java.util.List;

/**
 * Average precision of one class from its matched predictions (in descending score order). Undefined (NaN) when the
 * class has no annotated object; 0 when it has objects but no predictions.
 */
public final class AveragePrecision {

    private AveragePrecision() {
    }

    /**
     * @param truePositives the outcome of each prediction, highest score first
     * @param truthCount    the number of annotated objects of the class
     */
    public static double of(List<Boolean> truePositives, int truthCount, ApInterpolation how) {
        if (truthCount == 0) {
            return Double.NaN;
        }
        int n = truePositives.size();
        double[] recall = new double[n];
        double[] precision = new double[n];
        int tp = 0;
        for (int i = 0; i < n; i++) {
            tp += truePositives.get(i) ? 1 : 0;
            recall[i] = tp / (double) truthCount;
            precision[i] = tp / (double) (i + 1);
        }
        for (int i = n - 2; i >= 0; i--) {
            precision[i] = Math.max(precision[i], precision[i + 1]);
        }
        return switch (how) {
            case ALL_POINT -> allPoint(recall, precision);
            case VOC_11_POINT -> sampled(recall, precision, 11);
            case COCO_101_POINT -> sampled(recall, precision, 101);
        };
    }

    private static double allPoint(double[] recall, double[] precision) {
        double ap = 0;
        double previous = 0;
        for (int i = 0; i < recall.length; i++) {
            ap += (recall[i] - previous) * precision[i];
            previous = recall[i];
        }
        return ap;
    }

    private static double sampled(double[] recall, double[] precision, int points) {
        // the sample points are computed as numpy computes them (k * step), and compared exactly, as VOC's and
        // COCO's own code does: 7 * 0.01 is 0.07000000000000001, so a recall of exactly 0.07 does not reach it
        double step = 1.0 / (points - 1);
        double sum = 0;
        int i = 0;
        for (int k = 0; k < points; k++) {
            double r = k * step;
            while (i < recall.length && recall[i] < r) {
                i++;
            }
            sum += i < recall.length ? precision[i] : 0;
        }
        return sum / points;
    }
}
