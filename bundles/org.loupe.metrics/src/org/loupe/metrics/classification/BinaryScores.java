package org.loupe.metrics.classification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Scores of a binary classifier (higher means "positive", e.g. "defective") with the true classes, for the measures
 * that vary the decision threshold: ROC curve, AUC and the threshold sweep. A sample is predicted positive when its
 * score is at least the threshold. Immutable.
 */
public final class BinaryScores {

    private final double[] scores;
    private final boolean[] positive;
    private final int positives;

    /**
     * @throws IllegalArgumentException if the arrays differ in length, are empty, or a score is not finite
     */
    public BinaryScores(double[] scores, boolean[] positive) {
        if (scores.length != positive.length || scores.length == 0) {
            throw new IllegalArgumentException("need one label per score, and at least one score");
        }
        int p = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is " + scores[i]);
            }
            p += positive[i] ? 1 : 0;
        }
        this.scores = scores.clone();
        this.positive = positive.clone();
        this.positives = p;
    }

    /** The confusion counts at a threshold. */
    public ConfusionMatrix at(double threshold) {
        List<String> actual = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            actual.add(positive[i] ? "positive" : "negative");
            predicted.add(scores[i] >= threshold ? "positive" : "negative");
        }
        return ConfusionMatrix.of(List.of("negative", "positive"), actual, predicted);
    }

    /** One point of the ROC curve: the rates when predicting positive at scores of at least {@code threshold}. */
    public record RocPoint(double threshold, double falsePositiveRate, double truePositiveRate) {
    }

    /**
     * The ROC curve from (0, 0) to (1, 1), one point per distinct score (tied scores move together, as in
     * scikit-learn's {@code roc_curve} without dropping intermediate points). The first point's threshold is +inf.
     *
     * @throws IllegalArgumentException without both positive and negative samples
     */
    public List<RocPoint> roc() {
        int negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("a ROC curve needs positive and negative samples (have " + positives
                    + " positive, " + negatives + " negative)");
        }
        Integer[] order = sortedByScoreDescending();
        List<RocPoint> points = new ArrayList<>();
        points.add(new RocPoint(Double.POSITIVE_INFINITY, 0, 0));
        int tp = 0;
        int fp = 0;
        for (int i = 0; i < order.length; i++) {
            int k = order[i];
            if (positive[k]) {
                tp++;
            } else {
                fp++;
            }
            if (i == order.length - 1 || scores[order[i + 1]] != scores[k]) {
                points.add(new RocPoint(scores[k], fp / (double) negatives, tp / (double) positives));
            }
        }
        return points;
    }

    /** The area under the ROC curve by the trapezoidal rule (ties count half, as in the Mann-Whitney U). */
    public double auc() {
        List<RocPoint> r = roc();
        double area = 0;
        for (int i = 1; i < r.size(); i++) {
            area += (r.get(i).falsePositiveRate() - r.get(i - 1).falsePositiveRate())
                    * (r.get(i).truePositiveRate() + r.get(i - 1).truePositiveRate()) / 2;
        }
        return area;
    }

    /** What a threshold sweep optimises. */
    public interface Criterion {
        /** The value to maximise at a threshold. */
        double value(ConfusionMatrix m);

        /** Maximise accuracy. */
        static Criterion accuracy() {
            return ConfusionMatrix::accuracy;
        }

        /** Minimise the cost of misses (positives predicted negative) and false alarms. */
        static Criterion cost(double missCost, double falseAlarmCost) {
            return m -> -(m.count("positive", "negative") * missCost + m.count("negative", "positive") * falseAlarmCost);
        }
    }

    /**
     * The threshold sweep: tries a threshold between every two neighbouring distinct scores, below the lowest and
     * above the highest, and returns the one that maximises the criterion (the lowest such threshold if several tie).
     * Choose it on a validation set, then report on a test set.
     */
    public double bestThreshold(Criterion criterion) {
        double[] distinct = Arrays.stream(scores).distinct().sorted().toArray();
        double best = Double.NaN;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= distinct.length; i++) {
            double t = i == 0 ? distinct[0] - 1
                    : i == distinct.length ? distinct[i - 1] + 1 : (distinct[i - 1] + distinct[i]) / 2;
            double v = criterion.value(at(t));
            if (v > bestValue) {
                bestValue = v;
                best = t;
            }
        }
        return best;
    }

    private Integer[] sortedByScoreDescending() {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        return order;
    }
}
