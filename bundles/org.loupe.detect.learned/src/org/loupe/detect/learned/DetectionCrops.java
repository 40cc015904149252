package org.loupe.detect.learned;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.loupe.metrics.detection.GroundTruth;

/**
 * Square training crops for learned detectors: a random place of a random image, turned by one of the eight
 * symmetries of the square, with the annotated boxes moved along. A box cut by the crop is kept where at least half
 * of it remains, so a crop only ever shows objects it answers for.
 */
public final class DetectionCrops {

    /** One decoded training image: grey values in [0, 1], row-major, and its boxes. */
    public record Sample(float[] grey, int width, int height, List<GroundTruth> truth) {
    }

    private DetectionCrops() {
    }

    /**
     * Writes a {@code patch} x {@code patch} crop into {@code into} from {@code offset} (zeros beyond the image) and
     * returns its boxes in the crop's coordinates.
     *
     * @param augment whether to turn the crop by a random symmetry
     */
    public static List<GroundTruth> crop(List<Sample> samples, int patch, SplittableRandom r, boolean augment,
            float[] into, int offset) {
        Sample s = samples.get(r.nextInt(samples.size()));
        int x0 = s.width() > patch ? r.nextInt(s.width() - patch + 1) : 0;
        int y0 = s.height() > patch ? r.nextInt(s.height() - patch + 1) : 0;
        int t = augment ? r.nextInt(8) : 0;
        for (int y = 0; y < patch; y++) {
            for (int x = 0; x < patch; x++) {
                int sx = x0 + x;
                int sy = y0 + y;
                float v = sx < s.width() && sy < s.height() ? s.grey()[sy * s.width() + sx] : 0;
                int px = (t & 1) != 0 ? patch - 1 - x : x;
                int py = (t & 2) != 0 ? patch - 1 - y : y;
                into[offset + ((t & 4) != 0 ? px * patch + py : py * patch + px)] = v;
            }
        }
        List<GroundTruth> boxes = new ArrayList<>();
        for (GroundTruth o : s.truth()) {
            double cx1 = Math.max(o.x1(), x0) - x0;
            double cy1 = Math.max(o.y1(), y0) - y0;
            double cx2 = Math.min(o.x2(), x0 + patch) - x0;
            double cy2 = Math.min(o.y2(), y0 + patch) - y0;
            double area = (o.x2() - o.x1()) * (o.y2() - o.y1());
            if (cx2 - cx1 >= 1 && cy2 - cy1 >= 1 && (cx2 - cx1) * (cy2 - cy1) >= 0.5 * area) {
                boxes.add(turn(new GroundTruth(cx1, cy1, cx2, cy2, o.label()), t, patch));
            }
        }
        return boxes;
    }

    /** A box under symmetry {@code t}: bit 0 flips x, bit 1 flips y, bit 2 transposes (as the pixels above). */
    static GroundTruth turn(GroundTruth o, int t, int patch) {
        double x1 = (t & 1) != 0 ? patch - o.x2() : o.x1();
        double x2 = (t & 1) != 0 ? patch - o.x1() : o.x2();
        double y1 = (t & 2) != 0 ? patch - o.y2() : o.y1();
        double y2 = (t & 2) != 0 ? patch - o.y1() : o.y2();
        return (t & 4) != 0 ? new GroundTruth(y1, x1, y2, x2, o.label()) : new GroundTruth(x1, y1, x2, y2, o.label());
    }
}
