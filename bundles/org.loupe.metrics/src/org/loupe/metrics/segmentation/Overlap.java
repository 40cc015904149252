package org.loupe.metrics.segmentation;

/**
 * Overlap between a segmentation and its reference. Two empty masks agree perfectly: both measures give 1.
 */
public final class Overlap {

    private Overlap() {
    }

    /** Dice coefficient, 2 |A and B| / (|A| + |B|). */
    public static double dice(Mask a, Mask b) {
        long inter = a.intersection(b);
        long sum = a.area() + b.area();
        return sum == 0 ? 1 : 2.0 * inter / sum;
    }

    /** Intersection over union (Jaccard index), |A and B| / |A or B|. */
    public static double iou(Mask a, Mask b) {
        long inter = a.intersection(b);
        long union = a.area() + b.area() - inter;
        return union == 0 ? 1 : inter / (double) union;
    }
}
