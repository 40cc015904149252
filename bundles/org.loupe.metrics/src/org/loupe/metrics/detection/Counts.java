package org.loupe.metrics.detection;

/**
 * True positives, false positives and false negatives, and the rates made from them. A rate whose denominator is
 * zero is undefined and reported as NaN: precision without predictions, recall without annotated objects.
 */
public record Counts(int truePositives, int falsePositives, int falseNegatives) {

    /** Rejects negative counts. */
    public Counts {
        if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0) {
            throw new IllegalArgumentException("negative count");
        }
    }

    /** TP / (TP + FP). */
    public double precision() {
        int d = truePositives + falsePositives;
        return d == 0 ? Double.NaN : truePositives / (double) d;
    }

    /** TP / (TP + FN). */
    public double recall() {
        int d = truePositives + falseNegatives;
        return d == 0 ? Double.NaN : truePositives / (double) d;
    }

    /** The harmonic mean of precision and recall; 0 when both are 0, NaN when either is undefined. */
    public double f1() {
        double p = precision();
        double r = recall();
        if (Double.isNaN(p) || Double.isNaN(r)) {
            return Double.NaN;
        }
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The sum of two sets of counts. */
    public Counts plus(Counts o) {
        return new Counts(truePositives + o.truePositives, falsePositives + o.falsePositives,
                falseNegatives + o.falseNegatives);
    }
}
