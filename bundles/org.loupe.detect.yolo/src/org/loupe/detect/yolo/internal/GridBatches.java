package org.loupe.detect.yolo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.loupe.metrics.detection.GroundTruth;
import org.loupe.tensorflow.train.Batch;
import org.loupe.tensorflow.train.BatchSource;

/**
 * Training batches for the one-stage detector: square crops of {@code patch} pixels from random images at random
 * places, each flipped and transposed at random (the eight symmetries of the square), with the annotated boxes
 * moved along and their grid targets written. A box cut by the crop is kept where at least half of it remains; a
 * crop only ever shows objects it answers for. Batch {@code i} depends only on {@code i} and the seed.
 */
final class GridBatches implements BatchSource {

    /** One decoded training image: grey values in [0, 1], row-major. */
    record Sample(float[] grey, int width, int height, List<GroundTruth> truth) {
    }

    private final List<Sample> samples;
    private final List<String> classes;
    private final int patch;
    private final int size;
    private final long seed;
    private final boolean augment;

    GridBatches(List<Sample> samples, List<String> classes, int patch, int size, long seed, boolean augment) {
        if (patch % GridNetwork.ALIGN != 0) {
            throw new IllegalArgumentException("patch must be a multiple of " + GridNetwork.ALIGN + ", got " + patch);
        }
        this.samples = List.copyOf(samples);
        this.classes = List.copyOf(classes);
        this.patch = patch;
        this.size = size;
        this.seed = seed;
        this.augment = augment;
    }

    @Override
    public Batch batch(long index) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        int g = patch / GridNetwork.STRIDE;
        int per = 1 + classes.size() + 4;
        float[] in = new float[size * patch * patch];
        float[] target = new float[size * g * g * per];
        for (int b = 0; b < size; b++) {
            Sample s = samples.get(r.nextInt(samples.size()));
            int x0 = s.width() > patch ? r.nextInt(s.width() - patch + 1) : 0;
            int y0 = s.height() > patch ? r.nextInt(s.height() - patch + 1) : 0;
            int t = augment ? r.nextInt(8) : 0;
            for (int y = 0; y < patch; y++) {
                for (int x = 0; x < patch; x++) {
                    int sx = x0 + x;
                    int sy = y0 + y;
                    float v = sx < s.width() && sy < s.height() ? s.grey()[sy * s.width() + sx] : 0;
                    int[] p = turn(x, y, t);
                    in[b * patch * patch + p[1] * patch + p[0]] = v;
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
                    boxes.add(turnBox(new GroundTruth(cx1, cy1, cx2, cy2, o.label()), t));
                }
            }
            GridTargets.write(boxes, classes, g, g, target, b * g * g * per);
        }
        return new Batch(in, new long[] {size, patch, patch, 1}, target, new long[] {size, g, g, per});
    }

    /** Where pixel (x, y) goes under symmetry {@code t}: bit 0 flips x, bit 1 flips y, bit 2 transposes. */
    private int[] turn(int x, int y, int t) {
        int a = (t & 1) != 0 ? patch - 1 - x : x;
        int b = (t & 2) != 0 ? patch - 1 - y : y;
        return (t & 4) != 0 ? new int[] {b, a} : new int[] {a, b};
    }

    private GroundTruth turnBox(GroundTruth o, int t) {
        double x1 = (t & 1) != 0 ? patch - o.x2() : o.x1();
        double x2 = (t & 1) != 0 ? patch - o.x1() : o.x2();
        double y1 = (t & 2) != 0 ? patch - o.y2() : o.y1();
        double y2 = (t & 2) != 0 ? patch - o.y1() : o.y2();
        return (t & 4) != 0 ? new GroundTruth(y1, x1, y2, x2, o.label()) : new GroundTruth(x1, y1, x2, y2, o.label());
    }
}
