package org.loupe.classify.lesion.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.loupe.tensorflow.train.Batch;
import org.loupe.tensorflow.train.BatchSource;
import org.loupe.tensorflow.train.Dihedral;

/**
 * Training batches with every class equally often (candidates that are no lesion outnumber tumours many times, and a
 * network fed them in proportion learns to call everything normal), each patch turned by one of the eight symmetries
 * of the square (a lesion has no preferred orientation on an axial slice) and shifted by up to 5 HU (scanners differ
 * in calibration by about that much).
 */
final class BalancedBatches implements BatchSource {

    private final LesionPatchSet set;
    private final int size;
    private final long seed;
    private final List<List<Integer>> byClass = new ArrayList<>();

    BalancedBatches(LesionPatchSet set, int size, long seed) {
        this.set = set;
        this.size = size;
        this.seed = seed;
        for (int c = 0; c < LesionNet.CLASSES.size(); c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < set.size(); i++) {
            byClass.get(set.labels()[i]).add(i);
        }
        byClass.removeIf(List::isEmpty);
    }

    @Override
    public Batch batch(long index) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        int classes = LesionNet.CLASSES.size();
        int slices = set.slices();
        int per = LesionTensors.SIZE * slices;
        float[] in = new float[size * per];
        float[] target = new float[size * classes];
        for (int n = 0; n < size; n++) {
            List<Integer> from = byClass.get((int) ((index * size + n) % byClass.size()));
            int i = from.get(rnd.nextInt(from.size()));
            Dihedral.turn(set.inputs(), i * per, LesionTensors.SIDE, slices, rnd.nextInt(Dihedral.COUNT), in, n * per);
            float shift = (float) (rnd.nextDouble(-5, 5) / 200);
            for (int p = n * per; p < (n + 1) * per; p++) {
                in[p] += shift;
            }
            target[n * classes + set.labels()[i]] = 1;
        }
        return new Batch(in, new long[] {size, LesionTensors.SIDE, LesionTensors.SIDE, slices}, target,
                new long[] {size, classes});
    }

    /** The whole set in order, unturned, in batches of at most {@code size}: validation. */
    static List<Batch> inOrder(LesionPatchSet set, int size) {
        List<Batch> out = new ArrayList<>();
        int classes = LesionNet.CLASSES.size();
        int slices = set.slices();
        int per = LesionTensors.SIZE * slices;
        for (int from = 0; from < set.size(); from += size) {
            int m = Math.min(size, set.size() - from);
            float[] in = new float[m * per];
            System.arraycopy(set.inputs(), from * per, in, 0, in.length);
            float[] target = new float[m * classes];
            for (int n = 0; n < m; n++) {
                target[n * classes + set.labels()[from + n]] = 1;
            }
            out.add(new Batch(in, new long[] {m, LesionTensors.SIDE, LesionTensors.SIDE, slices}, target,
                    new long[] {m, classes}));
        }
        return out;
    }
}
