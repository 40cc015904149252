package org.loupe.detect.rcnn.internal;

import java.util.List;
import java.util.SplittableRandom;
import org.loupe.detect.learned.DetectionCrops;
import org.loupe.detect.learned.PyramidBackbone;
import org.loupe.metrics.detection.GroundTruth;
import org.loupe.tensorflow.train.Batch;
import org.loupe.tensorflow.train.BatchSource;

/**
 * Training batches for the two-stage detector: square crops ({@link DetectionCrops}) with their packed
 * {@link RcnnTargets}. Batch {@code i} depends only on {@code i} and the seed.
 */
final class RcnnBatches implements BatchSource {

    private final List<DetectionCrops.Sample> samples;
    private final RcnnTargets targets;
    private final int patch;
    private final int size;
    private final long seed;
    private final boolean augment;

    RcnnBatches(List<DetectionCrops.Sample> samples, RcnnTargets targets, int patch, int size, long seed,
            boolean augment) {
        if (patch % PyramidBackbone.ALIGN != 0) {
            throw new IllegalArgumentException("patch must be a multiple of " + PyramidBackbone.ALIGN + ", got "
                    + patch);
        }
        this.samples = List.copyOf(samples);
        this.targets = targets;
        this.patch = patch;
        this.size = size;
        this.seed = seed;
        this.augment = augment;
    }

    @Override
    public Batch batch(long index) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        int row = targets.size();
        float[] in = new float[size * patch * patch];
        float[] target = new float[size * row];
        for (int b = 0; b < size; b++) {
            List<GroundTruth> boxes = DetectionCrops.crop(samples, patch, r, augment, in, b * patch * patch);
            targets.write(boxes, r, target, b * row);
        }
        return new Batch(in, new long[] {size, patch, patch, 1}, target, new long[] {size, row});
    }
}
