package org.loupe.classify.siamese.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.loupe.tensorflow.train.Batch;
import org.loupe.tensorflow.train.BatchSource;
import org.loupe.tensorflow.train.Dihedral;

/**
 * Triplets by the paper's rule: the anchor alternates between the defective and the defect-free set, the positive
 * comes from the anchor's set and the negative from the other set, of the anchor's board type. Each patch is
 * mirrored or transposed at random (a board's defects look the same either way). Input rows are three stacked
 * blocks (anchors, positives, negatives); targets are the anchors' one-hot board types.
 */
final class TripletBatches implements BatchSource {

    private final float[] inputs;
    private final boolean[] defective;
    private final int[] type;
    private final int types;
    private final int triplets;
    private final long seed;
    /** Patch indices by [defective ? 1 : 0][type], and by set alone. */
    private final List<List<List<Integer>>> byType = new ArrayList<>();
    private final List<List<Integer>> bySet = new ArrayList<>();

    TripletBatches(float[] inputs, boolean[] defective, int[] type, int types, int triplets, long seed) {
        this.inputs = inputs;
        this.defective = defective;
        this.type = type;
        this.types = types;
        this.triplets = triplets;
        this.seed = seed;
        for (int set = 0; set < 2; set++) {
            List<List<Integer>> t = new ArrayList<>();
            for (int k = 0; k < types; k++) {
                t.add(new ArrayList<>());
            }
            byType.add(t);
            bySet.add(new ArrayList<>());
        }
        for (int i = 0; i < defective.length; i++) {
            int set = defective[i] ? 1 : 0;
            byType.get(set).get(type[i]).add(i);
            bySet.get(set).add(i);
        }
        if (bySet.get(0).isEmpty() || bySet.get(1).isEmpty()) {
            throw new IllegalArgumentException("triplets need defective and defect-free patches");
        }
    }

    @Override
    public Batch batch(long index) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        int n = triplets;
        int size = PatchTensors.SIZE;
        float[] in = new float[3 * n * size];
        float[] target = new float[n * types];
        for (int t = 0; t < n; t++) {
            int set = (int) ((index * n + t) % 2);
            int a = pick(rnd, bySet.get(set));
            int p = pick(rnd, bySet.get(set));
            List<Integer> sameType = byType.get(1 - set).get(type[a]);
            int q = pick(rnd, sameType.isEmpty() ? bySet.get(1 - set) : sameType);
            turn(a, rnd.nextInt(Dihedral.COUNT), in, t * size);
            turn(p, rnd.nextInt(Dihedral.COUNT), in, (n + t) * size);
            turn(q, rnd.nextInt(Dihedral.COUNT), in, (2 * n + t) * size);
            target[t * types + type[a]] = 1;
        }
        int s = PatchTensors.SIDE;
        return new Batch(in, new long[] {3L * n, s, s, 1}, target, new long[] {n, types});
    }

    private static int pick(SplittableRandom rnd, List<Integer> from) {
        return from.get(rnd.nextInt(from.size()));
    }

    /** Copies patch {@code i} turned by symmetry t ({@link Dihedral}). */
    private void turn(int i, int t, float[] out, int offset) {
        Dihedral.turn(inputs, i * PatchTensors.SIZE, PatchTensors.SIDE, 1, t, out, offset);
    }
}
