package org.loupe.detect.yolo.internal;

import java.util.ArrayList;
import java.util.List;
import org.loupe.api.Detection;
import org.loupe.numerics.regions.Boxes;

/**
 * Turns the network's grid into detections: each cell's confidence is sigmoid(objectness) times sigmoid of its best
 * class; a cell above the minimum score gives the box its four distances describe (exp of the outputs, in cells),
 * clipped to the image; overlapping boxes of one class are then reduced to the most confident (non-maximum
 * suppression).
 */
final class GridDecoder {

    private GridDecoder() {
    }

    /**
     * @param out    the network's output for one image, [gh, gw, 1 + classes + 4] row-major
     * @param width  the image's width (the grid may cover a padded image)
     */
    static List<Detection> decode(float[] out, int gw, int gh, List<String> classes, int width, int height,
            double minScore, double nmsIou) {
        int per = 1 + classes.size() + 4;
        double s = GridNetwork.STRIDE;
        List<Detection> found = new ArrayList<>();
        for (int j = 0; j < gh; j++) {
            for (int i = 0; i < gw; i++) {
                int at = (j * gw + i) * per;
                double obj = sigmoid(out[at]);
                if (obj < minScore) {
                    continue;
                }
                int best = 0;
                for (int c = 1; c < classes.size(); c++) {
                    if (out[at + 1 + c] > out[at + 1 + best]) {
                        best = c;
                    }
                }
                double score = obj * sigmoid(out[at + 1 + best]);
                if (score < minScore) {
                    continue;
                }
                int b = at + 1 + classes.size();
                double cx = (i + 0.5) * s;
                double cy = (j + 0.5) * s;
                double x1 = Math.max(0, cx - distance(out[b]) * s);
                double y1 = Math.max(0, cy - distance(out[b + 1]) * s);
                double x2 = Math.min(width, cx + distance(out[b + 2]) * s);
                double y2 = Math.min(height, cy + distance(out[b + 3]) * s);
                if (x2 > x1 && y2 > y1) {
                    found.add(new Detection(x1, y1, x2, y2, classes.get(best), score));
                }
            }
        }
        return Boxes.suppressPerLabel(found, nmsIou);
    }

    private static double distance(float raw) {
        return Math.exp(Math.max(-6, Math.min(6, raw)));
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
