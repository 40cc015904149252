package org.loupe.detect.rcnn.internal;

import org.loupe.detect.learned.PyramidBackbone;

/**
 * The region proposal network's anchors and the box code of Faster R-CNN. At every cell of the stride-8 grid sit
 * {@value #PER_CELL} anchors centred on the cell's centre: sides of 16, 32, 64 and 128 pixels (the square root of
 * the area) at width:height ratios of 1:2, 1:1 and 2:1, covering DeepPCB's 20 to 100 pixel defects and the long
 * scratches of wafers. A box is coded against a reference box as the shift of its centre in reference widths and
 * heights and the logarithms of its size ratios, each divided by a standard deviation.
 */
final class Anchors {

    /** Anchor sides, in pixels. */
    static final double[] SIDES = {16, 32, 64, 128};
    /** Width:height ratios. */
    static final double[] RATIOS = {0.5, 1, 2};
    /** Anchors per grid cell. */
    static final int PER_CELL = SIDES.length * RATIOS.length;
    /** Largest log size change decoded, so that a wild delta cannot overflow. */
    private static final double MAX_LOG = Math.log(1000.0 / 16);

    private Anchors() {
    }

    /** The anchors of a {@code gw} x {@code gh} grid as x1, y1, x2, y2 each, cell by cell in row order. */
    static double[] grid(int gw, int gh) {
        double[] out = new double[gw * gh * PER_CELL * 4];
        int k = 0;
        for (int j = 0; j < gh; j++) {
            for (int i = 0; i < gw; i++) {
                double cx = (i + 0.5) * PyramidBackbone.STRIDE;
                double cy = (j + 0.5) * PyramidBackbone.STRIDE;
                for (double side : SIDES) {
                    for (double ratio : RATIOS) {
                        double w = side * Math.sqrt(ratio);
                        double h = side / Math.sqrt(ratio);
                        out[k++] = cx - w / 2;
                        out[k++] = cy - h / 2;
                        out[k++] = cx + w / 2;
                        out[k++] = cy + h / 2;
                    }
                }
            }
        }
        return out;
    }

    /** Writes the code of box {@code b} against reference {@code r} (x1, y1, x2, y2 each) into {@code out}. */
    static void encode(double[] r, int ri, double bx1, double by1, double bx2, double by2, double[] std, float[] out,
            int at) {
        double rw = r[ri + 2] - r[ri];
        double rh = r[ri + 3] - r[ri + 1];
        double rcx = r[ri] + rw / 2;
        double rcy = r[ri + 1] + rh / 2;
        out[at] = (float) (((bx1 + bx2) / 2 - rcx) / rw / std[0]);
        out[at + 1] = (float) (((by1 + by2) / 2 - rcy) / rh / std[1]);
        out[at + 2] = (float) (Math.log((bx2 - bx1) / rw) / std[2]);
        out[at + 3] = (float) (Math.log((by2 - by1) / rh) / std[3]);
    }

    /** The box (x1, y1, x2, y2) that code {@code d} (from {@code di}) gives against reference {@code r}. */
    static double[] decode(double[] r, int ri, float[] d, int di, double[] std) {
        double rw = r[ri + 2] - r[ri];
        double rh = r[ri + 3] - r[ri + 1];
        double cx = r[ri] + rw / 2 + d[di] * std[0] * rw;
        double cy = r[ri + 1] + rh / 2 + d[di + 1] * std[1] * rh;
        double w = rw * Math.exp(Math.min(MAX_LOG, d[di + 2] * std[2]));
        double h = rh * Math.exp(Math.min(MAX_LOG, d[di + 3] * std[3]));
        return new double[] {cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
    }

    /** Intersection over union of two boxes given as x1, y1, x2, y2 from offsets {@code a} and {@code b}. */
    static double iou(double[] p, int a, double[] q, int b) {
        double iw = Math.min(p[a + 2], q[b + 2]) - Math.max(p[a], q[b]);
        double ih = Math.min(p[a + 3], q[b + 3]) - Math.max(p[a + 1], q[b + 1]);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        double union = (p[a + 2] - p[a]) * (p[a + 3] - p[a + 1]) + (q[b + 2] - q[b]) * (q[b + 3] - q[b + 1]) - inter;
        return inter / union;
    }
}
