package org.loupe.metrics.detection;

/**
 * When a prediction counts as finding an annotated object: same class, and IoU at least (or, if {@code strict},
 * above) a threshold. Predictions are matched greedily in order of descending score (stable for ties: earlier
 * images, then earlier list positions, first); each takes the unmatched object of its class in its image with the
 * highest IoU, as COCO's evaluation does. An object is matched at most once; extra predictions on it are false
 * positives.
 *
 * @param iouThreshold the IoU a match needs
 * @param strict       whether the IoU must exceed the threshold rather than reach it
 */
public record MatchRule(double iouThreshold, boolean strict) {

    /** PASCAL VOC and COCO at 0.5: IoU of at least 0.5. */
    public static final MatchRule VOC = new MatchRule(0.5, false);
    /** The DeepPCB protocol: IoU above 0.33 with a box of the same class. */
    public static final MatchRule DEEPPCB = new MatchRule(0.33, true);

    /** Checks the threshold. */
    public MatchRule {
        if (!(iouThreshold >= 0 && iouThreshold <= 1)) {
            throw new IllegalArgumentException("IoU threshold out of [0, 1]: " + iouThreshold);
        }
    }

    /** Whether an IoU passes. */
    public boolean accepts(double iou) {
        return strict ? iou > iouThreshold : iou >= iouThreshold;
    }

    /** The same rule at another threshold. */
    public MatchRule at(double threshold) {
        return new MatchRule(threshold, strict);
    }
}
