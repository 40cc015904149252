package org.loupe.detect.template.internal;

import java.util.SplittableRandom;
import org.loupe.tensorflow.train.Batch;
import org.loupe.tensorflow.train.BatchSource;
import org.loupe.tensorflow.train.Dihedral;

/**
 * Training batches of candidates drawn at random, each turned by one of the eight symmetries of the square
 * ({@link Dihedral}: a board's defects look the same mirrored or rotated), with its box turned to match.
 */
final class CandidateBatches implements BatchSource {

    private final CandidateSamples samples;
    private final int size;
    private final long seed;
    private final boolean augment;

    CandidateBatches(CandidateSamples samples, int size, long seed, boolean augment) {
        this.samples = samples;
        this.size = size;
        this.seed = seed;
        this.augment = augment;
    }

    @Override
    public Batch batch(long index) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        int s = CandidateCrops.SIDE;
        float[] in = new float[size * CandidateCrops.SIZE];
        float[] target = new float[size * CandidateNetwork.OUTPUTS];
        float[] crop = new float[CandidateCrops.SIZE];
        for (int b = 0; b < size; b++) {
            int i = augment ? rnd.nextInt(samples.count()) : (int) ((index * size + b) % samples.count());
            int symmetry = augment ? rnd.nextInt(Dihedral.COUNT) : 0;
            samples.crop(i, crop, 0);
            samples.target(i, target, b * CandidateNetwork.OUTPUTS);
            Dihedral.turn(crop, 0, s, CandidateCrops.CHANNELS, symmetry, in, b * CandidateCrops.SIZE);
            Dihedral.turnBox(target, b * CandidateNetwork.OUTPUTS + CandidateNetwork.CLASSES, symmetry);
        }
        return new Batch(in, new long[] {size, s, s, CandidateCrops.CHANNELS}, target,
                new long[] {size, CandidateNetwork.OUTPUTS});
    }
}
