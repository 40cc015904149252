package org.loupe.detect.yolo.internal;

import java.util.Arrays;
import java.util.List;
import org.loupe.metrics.detection.GroundTruth;

/**
 * Which grid cells answer for which annotated object, and what they should say: a cell is positive for an object
 * when its centre lies inside the object's box and within {@value #RADIUS} cells of the box's centre (FCOS's centre
 * sampling; a box smaller than a cell still gets the cell holding its centre); where objects overlap the smaller
 * takes the cell. A positive cell's target is objectness 1, its class one-hot, and the distances from its centre to
 * the box's four edges in cells.
 */
final class GridTargets {

    /** Centre-sampling radius, in cells. */
    static final double RADIUS = 1.5;

    private GridTargets() {
    }

    /**
     * Writes one image's targets into {@code out} at {@code offset}: {@code gh * gw} cells of {@code 1 + classes +
     * 4} values, row-major.
     */
    static void write(List<GroundTruth> truth, List<String> classes, int gw, int gh, float[] out, int offset) {
        int per = 1 + classes.size() + 4;
        double s = GridNetwork.STRIDE;
        double[] taken = new double[gw * gh];
        for (GroundTruth g : truth) {
            int c = classes.indexOf(g.label());
            if (c < 0) {
                continue;
            }
            double area = (g.x2() - g.x1()) * (g.y2() - g.y1());
            double gx = (g.x1() + g.x2()) / 2;
            double gy = (g.y1() + g.y2()) / 2;
            int holder = (int) Math.min(gw - 1, Math.max(0, Math.floor(gx / s)))
                    + gw * (int) Math.min(gh - 1, Math.max(0, Math.floor(gy / s)));
            for (int j = 0; j < gh; j++) {
                for (int i = 0; i < gw; i++) {
                    double cx = (i + 0.5) * s;
                    double cy = (j + 0.5) * s;
                    boolean inside = cx > g.x1() && cx < g.x2() && cy > g.y1() && cy < g.y2()
                            && Math.abs(cx - gx) <= RADIUS * s && Math.abs(cy - gy) <= RADIUS * s;
                    int cell = j * gw + i;
                    if (!(inside || cell == holder) || (taken[cell] > 0 && taken[cell] <= area)) {
                        continue;
                    }
                    taken[cell] = area;
                    int at = offset + cell * per;
                    Arrays.fill(out, at, at + per, 0f);
                    out[at] = 1;
                    out[at + 1 + c] = 1;
                    // a cell outside a tiny box still regresses to it: distances never below a tenth of a cell
                    out[at + 1 + classes.size()] = (float) Math.max(0.1, (cx - g.x1()) / s);
                    out[at + 2 + classes.size()] = (float) Math.max(0.1, (cy - g.y1()) / s);
                    out[at + 3 + classes.size()] = (float) Math.max(0.1, (g.x2() - cx) / s);
                    out[at + 4 + classes.size()] = (float) Math.max(0.1, (g.y2() - cy) / s);
                }
            }
        }
    }
}
