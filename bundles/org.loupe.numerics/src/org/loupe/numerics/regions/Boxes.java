package org.loupe.numerics.regions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.loupe.api.Detection;

/**
 * Axis-aligned boxes as detectors report them: intersection over union, and greedy non-maximum suppression, the
 * step every detector backend ends with and plugins otherwise copy.
 */
public final class Boxes {

    private Boxes() {
    }

    /**
     * IoU of two boxes given by their corners, with continuous coordinates (COCO's convention: a box from x1 to x2
     * is x2 - x1 wide). Boxes that do not overlap, or are empty, have IoU 0.
     */
    public static double iou(double ax1, double ay1, double ax2, double ay2, double bx1, double by1, double bx2,
            double by2) {
        double iw = Math.min(ax2, bx2) - Math.max(ax1, bx1);
        double ih = Math.min(ay2, by2) - Math.max(ay1, by1);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        double union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter;
        return union > 0 ? inter / union : 0;
    }

    /** IoU of two detections' boxes. */
    public static double iou(Detection a, Detection b) {
        return iou(a.x1(), a.y1(), a.x2(), a.y2(), b.x1(), b.y1(), b.x2(), b.y2());
    }

    /**
     * Greedy non-maximum suppression within each label: most confident first, a detection is dropped when it
     * overlaps one already kept with the same label by more than {@code maxIou}. Ties keep the input order.
     *
     * @return the kept detections, most confident first
     */
    public static List<Detection> suppressPerLabel(List<Detection> found, double maxIou) {
        List<Detection> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection d : sorted) {
            if (kept.stream().noneMatch(k -> k.label().equals(d.label()) && iou(k, d) > maxIou)) {
                kept.add(d);
            }
        }
        return kept;
    }
}
