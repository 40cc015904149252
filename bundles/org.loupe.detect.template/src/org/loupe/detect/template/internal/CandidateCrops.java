package org.loupe.detect.template.internal;

/**
 * Cuts the classifier's input for a candidate: a square window centred on the component, wide enough to show the
 * defect with its surroundings, sampled (nearest neighbour: the boards are near-binary) to {@value #SIDE} x
 * {@value #SIDE} pixels in two channels, the board and the aligned template.
 */
final class CandidateCrops {

    /** Crop side in pixels. */
    static final int SIDE = 32;
    /** Board and template. */
    static final int CHANNELS = 2;
    /** Values per crop. */
    static final int SIZE = SIDE * SIDE * CHANNELS;
    /** The window is at least this wide, so small defects keep some context. */
    private static final int MIN_WINDOW = 48;
    /** Context added around the component on each side. */
    private static final int MARGIN = 12;

    /**
     * A window in test-image pixels (it may reach past the image; samples there repeat the edge).
     *
     * @param x    left edge
     * @param y    top edge
     * @param side width and height
     */
    record Window(double x, double y, double side) {

        /** The window around a component box {x1, y1, x2, y2}. */
        static Window around(int[] box) {
            double side = Math.max(MIN_WINDOW, Math.max(box[2] - box[0], box[3] - box[1]) + 2 * MARGIN);
            return new Window((box[0] + box[2]) / 2.0 - side / 2, (box[1] + box[3]) / 2.0 - side / 2, side);
        }
    }

    private CandidateCrops() {
    }

    /** Writes the crop of {@code w} into {@code out} at {@code offset}, NHWC order (channel fastest). */
    static void cut(Board test, Board template, Registration.Shift shift, Window w, float[] out, int offset) {
        double step = w.side() / SIDE;
        int width = test.width();
        int height = test.height();
        int o = offset;
        for (int j = 0; j < SIDE; j++) {
            int y = clamp((int) Math.floor(w.y() + (j + 0.5) * step), height);
            int ty = clamp(y + shift.dy(), height);
            for (int i = 0; i < SIDE; i++) {
                int x = clamp((int) Math.floor(w.x() + (i + 0.5) * step), width);
                int tx = clamp(x + shift.dx(), width);
                out[o++] = test.grey()[y * width + x];
                out[o++] = template.grey()[ty * width + tx];
            }
        }
    }

    private static int clamp(int v, int n) {
        return v < 0 ? 0 : v >= n ? n - 1 : v;
    }
}
