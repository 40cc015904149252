package org.loupe.detect.template.internal;

/**
 * Cuts the classifier's input for a candidate: a square window centred on the component, wide enough to show the
 * defect with its surroundings, shrunk by area averaging to {@value #SIDE} x {@value #SIDE} pixels in two
 * channels, the board and the aligned template.
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

    /**
     * Writes the crop of {@code w} into {@code out} at {@code offset}, NHWC order (channel fastest). Each crop pixel
     * is the area-weighted mean of the board pixels it covers, so a track or gap one pixel wide survives the
     * shrinking (one pixel per sample would skip whole rows and columns of a window wider than the crop), and a
     * mirrored window gives the mirrored crop.
     */
    static void cut(Board test, Board template, Registration.Shift shift, Window w, float[] out, int offset) {
        Footprint xs = Footprint.of(w.x(), w.side(), test.width(), shift.dx());
        Footprint ys = Footprint.of(w.y(), w.side(), test.height(), shift.dy());
        int width = test.width();
        float[] board = test.grey();
        float[] reference = template.grey();
        int o = offset;
        for (int j = 0; j < SIDE; j++) {
            for (int i = 0; i < SIDE; i++) {
                double sumTest = 0;
                double sumTemplate = 0;
                for (int b = ys.first[j]; b < ys.first[j + 1]; b++) {
                    int row = ys.pixel[b] * width;
                    int templateRow = ys.shifted[b] * width;
                    for (int a = xs.first[i]; a < xs.first[i + 1]; a++) {
                        double weight = ys.weight[b] * xs.weight[a];
                        sumTest += weight * board[row + xs.pixel[a]];
                        sumTemplate += weight * reference[templateRow + xs.shifted[a]];
                    }
                }
                out[o++] = (float) sumTest;
                out[o++] = (float) sumTemplate;
            }
        }
    }

    /**
     * Which board pixels each crop pixel covers along one axis, and with what weight: crop pixel k covers entries
     * {@code first[k] .. first[k + 1] - 1}; the weights of one crop pixel sum to 1. Outside the board the edge
     * pixel repeats; {@code shifted} holds the matching template pixels under the registration shift.
     */
    private record Footprint(int[] first, int[] pixel, int[] shifted, double[] weight) {

        static Footprint of(double start, double side, int n, int shift) {
            double step = side / SIDE;
            int[] first = new int[SIDE + 1];
            int[] pixel = new int[SIDE * ((int) Math.ceil(step) + 1)];
            int[] shifted = new int[pixel.length];
            double[] weight = new double[pixel.length];
            int e = 0;
            for (int k = 0; k < SIDE; k++) {
                first[k] = e;
                double a = start + k * step;
                double b = a + step;
                for (int p = (int) Math.floor(a); p < b; p++) {
                    pixel[e] = clamp(p, n);
                    shifted[e] = clamp(pixel[e] + shift, n);
                    weight[e++] = (Math.min(b, p + 1) - Math.max(a, p)) / step;
                }
            }
            first[SIDE] = e;
            return new Footprint(first, pixel, shifted, weight);
        }
    }

    private static int clamp(int v, int n) {
        return v < 0 ? 0 : v >= n ? n - 1 : v;
    }
}
