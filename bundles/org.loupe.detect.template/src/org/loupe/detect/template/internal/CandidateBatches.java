package org.loupe.detect.template.internal;

import java.util.SplittableRandom;
import org.loupe.tensorflow.train.Batch;
import org.loupe.tensorflow.train.BatchSource;

/**
 * Training batches of candidates drawn at random, each turned by one of the eight symmetries of the square (a
 * board's defects look the same mirrored or rotated by 90 degrees), with its box turned to match.
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
            int symmetry = augment ? rnd.nextInt(8) : 0;
            samples.crop(i, crop, 0);
            samples.target(i, target, b * CandidateNetwork.OUTPUTS);
            turn(crop, symmetry, in, b * CandidateCrops.SIZE);
            turnBox(target, b * CandidateNetwork.OUTPUTS + CandidateNetwork.CLASSES, symmetry);
        }
        return new Batch(in, new long[] {size, s, s, CandidateCrops.CHANNELS}, target,
                new long[] {size, CandidateNetwork.OUTPUTS});
    }

    /** Writes the crop turned by symmetry t (bit 2: transpose, then bit 0: mirror x, bit 1: mirror y). */
    static void turn(float[] crop, int t, float[] out, int offset) {
        int s = CandidateCrops.SIDE;
        int c = CandidateCrops.CHANNELS;
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                int dx = (t & 4) != 0 ? y : x;
                int dy = (t & 4) != 0 ? x : y;
                dx = (t & 1) != 0 ? s - 1 - dx : dx;
                dy = (t & 2) != 0 ? s - 1 - dy : dy;
                for (int k = 0; k < c; k++) {
                    out[offset + (dy * s + dx) * c + k] = crop[(y * s + x) * c + k];
                }
            }
        }
    }

    /** Turns the box (fractions x1, y1, x2, y2 at {@code o}) by the same symmetry. */
    static void turnBox(float[] v, int o, int t) {
        float x1 = v[o];
        float y1 = v[o + 1];
        float x2 = v[o + 2];
        float y2 = v[o + 3];
        if ((t & 4) != 0) {
            float a = x1;
            x1 = y1;
            y1 = a;
            a = x2;
            x2 = y2;
            y2 = a;
        }
        if ((t & 1) != 0) {
            float a = x1;
            x1 = 1 - x2;
            x2 = 1 - a;
        }
        if ((t & 2) != 0) {
            float a = y1;
            y1 = 1 - y2;
            y2 = 1 - a;
        }
        v[o] = x1;
        v[o + 1] = y1;
        v[o + 2] = x2;
        v[o + 3] = y2;
    }
}
