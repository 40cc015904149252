package org.loupe.metrics.detection;

import org.loupe.api.Detection;
import org.loupe.numerics.regions.Boxes;

/**
 * Intersection over union of two boxes with continuous coordinates (COCO's convention: a box from x1 to x2 is
 * x2 - x1 wide, not x2 - x1 + 1 as in the PASCAL VOC development kit). Two empty boxes have IoU 0.
 */
public final class Iou {

    private Iou() {
    }

    /** IoU of a prediction and an annotated box. */
    public static double of(Detection p, GroundTruth g) {
        return of(p.x1(), p.y1(), p.x2(), p.y2(), g.x1(), g.y1(), g.x2(), g.y2());
    }

    /** IoU of two boxes given by their corners ({@link Boxes#iou}). */
    public static double of(double ax1, double ay1, double ax2, double ay2, double bx1, double by1, double bx2,
            double by2) {
        return Boxes.iou(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2);
    }
}
