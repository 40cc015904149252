package org.loupe.segment.unet.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.loupe.tensorflow.train.Batch;
import org.loupe.tensorflow.train.BatchSource;

/**
 * Training batches of random axial slices, each shifted by up to {@link #SHIFT} grid cells and given a small HU
 * offset and contrast change, so that the network learns the liver's shape and place rather than one phantom's
 * exact position and density. Slices are never mirrored: the liver lies on the patient's right, and a mirrored
 * slice would teach it to take the spleen.
 */
final class SliceBatches implements BatchSource {

    /** Largest shift, grid cells (about 17 mm on a 358 mm field of view). */
    static final int SHIFT = 6;

    private final LiverSlices set;
    private final int batch;
    private final long seed;

    SliceBatches(LiverSlices set, int batch, long seed) {
        this.set = set;
        this.batch = batch;
        this.seed = seed;
    }

    @Override
    public Batch batch(long index) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
        int n = SliceGrid.SIDE * SliceGrid.SIDE;
        float[] in = new float[batch * n];
        float[] target = new float[batch * n];
        for (int b = 0; b < batch; b++) {
            int c = r.nextInt(set.inputs().size());
            int k = r.nextInt(set.inputs().get(c).length);
            int dx = r.nextInt(-SHIFT, SHIFT + 1);
            int dy = r.nextInt(-SHIFT, SHIFT + 1);
            float offset = (float) (r.nextDouble(-15, 15) / 150);
            float gain = (float) r.nextDouble(0.95, 1.05);
            shift(set.inputs().get(c)[k], in, b * n, dx, dy, gain, offset, LiverSlices.normalise(SliceGrid.AIR_HU));
            shift(set.shares().get(c)[k], target, b * n, dx, dy, 1, 0, 0);
        }
        long[] shape = {batch, SliceGrid.SIDE, SliceGrid.SIDE, 1};
        return new Batch(in, shape, target, shape);
    }

    private static void shift(float[] from, float[] to, int at, int dx, int dy, float gain, float offset,
            float outside) {
        int s = SliceGrid.SIDE;
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                int sx = x - dx;
                int sy = y - dy;
                to[at + y * s + x] = sx < 0 || sy < 0 || sx >= s || sy >= s ? outside
                        : from[sy * s + sx] * gain + offset;
            }
        }
    }

    /** Every {@code step}-th slice of every case, unshifted, in batches of {@code size}: a fixed validation set. */
    static List<Batch> inOrder(LiverSlices set, int step, int size) {
        List<float[]> ins = new ArrayList<>();
        List<float[]> outs = new ArrayList<>();
        for (int c = 0; c < set.inputs().size(); c++) {
            for (int k = 0; k < set.inputs().get(c).length; k += step) {
                ins.add(set.inputs().get(c)[k]);
                outs.add(set.shares().get(c)[k]);
            }
        }
        List<Batch> out = new ArrayList<>();
        int n = SliceGrid.SIDE * SliceGrid.SIDE;
        for (int from = 0; from < ins.size(); from += size) {
            int m = Math.min(size, ins.size() - from);
            float[] in = new float[m * n];
            float[] target = new float[m * n];
            for (int i = 0; i < m; i++) {
                System.arraycopy(ins.get(from + i), 0, in, i * n, n);
                System.arraycopy(outs.get(from + i), 0, target, i * n, n);
            }
            long[] shape = {m, SliceGrid.SIDE, SliceGrid.SIDE, 1};
            out.add(new Batch(in, shape, target, shape));
        }
        return out;
    }
}
