package org.loupe.metrics.classification;

import java.util.List;

/**
 * Counts of (actual, predicted) class pairs. Rates with a zero denominator are undefined and returned as NaN.
 * Immutable.
 */
public final class ConfusionMatrix {

    private final List<String> labels;
    private final long[][] counts;

    private ConfusionMatrix(List<String> labels, long[][] counts) {
        this.labels = labels;
        this.counts = counts;
    }

    /**
     * Builds the matrix from parallel lists of actual and predicted labels.
     *
     * @param labels every class, in the order rows and columns use
     * @throws IllegalArgumentException if the lists differ in length or hold a label not in {@code labels}
     */
    public static ConfusionMatrix of(List<String> labels, List<String> actual, List<String> predicted) {
        if (actual.size() != predicted.size()) {
            throw new IllegalArgumentException(actual.size() + " actual labels but " + predicted.size()
                    + " predictions");
        }
        long[][] c = new long[labels.size()][labels.size()];
        for (int i = 0; i < actual.size(); i++) {
            c[index(labels, actual.get(i))][index(labels, predicted.get(i))]++;
        }
        return new ConfusionMatrix(List.copyOf(labels), c);
    }

    private static int index(List<String> labels, String label) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("unknown class '" + label + "' (classes: " + labels + ")");
        }
        return i;
    }

    /** The classes in row and column order. */
    public List<String> labels() {
        return labels;
    }

    /** How many samples of class {@code actual} were predicted as {@code predicted}. */
    public long count(String actual, String predicted) {
        return counts[index(labels, actual)][index(labels, predicted)];
    }

    /** Number of samples. */
    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long v : row) {
                n += v;
            }
        }
        return n;
    }

    /** Correct predictions over all samples. */
    public double accuracy() {
        long correct = 0;
        for (int i = 0; i < counts.length; i++) {
            correct += counts[i][i];
        }
        return ratio(correct, total());
    }

    /** Sensitivity (recall, true positive rate) of one class: TP / (TP + FN). */
    public double sensitivity(String label) {
        int k = index(labels, label);
        return ratio(counts[k][k], rowSum(k));
    }

    /** Specificity of one class: TN / (TN + FP), counting every other class as negative. */
    public double specificity(String label) {
        int k = index(labels, label);
        long negatives = total() - rowSum(k);
        long falsePositives = columnSum(k) - counts[k][k];
        return ratio(negatives - falsePositives, negatives);
    }

    /** Precision of one class: TP / (TP + FP). */
    public double precision(String label) {
        int k = index(labels, label);
        return ratio(counts[k][k], columnSum(k));
    }

    /** F1 of one class; 0 when precision and recall are both 0. */
    public double f1(String label) {
        double p = precision(label);
        double r = sensitivity(label);
        if (Double.isNaN(p) || Double.isNaN(r)) {
            return Double.NaN;
        }
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private long rowSum(int k) {
        long s = 0;
        for (long v : counts[k]) {
            s += v;
        }
        return s;
    }

    private long columnSum(int k) {
        long s = 0;
        for (long[] row : counts) {
            s += row[k];
        }
        return s;
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : a / (double) b;
    }
}
