package org.loupe.detect.yolo.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.loupe.detect.learned.PooledConv;
import org.loupe.tensorflow.ImageTensors;
import org.loupe.tensorflow.train.Init;
import org.loupe.tensorflow.train.Network;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The backbone's first layer as inference graphs compute it, on 2x2 blocks, gives what convolution, ReLU and pooling
 * give at full resolution, as training computed it.
 */
class PooledConvTest {

    private static final long[] SHAPE = {2, 10, 14, 2};
    private static final int IN = 2;
    private static final int OUT = 3;

    /** What {@code layer} computes from {@code x} of {@code shape}, with the given weights. */
    private static float[] run(BiFunction<Network, Operand<TFloat32>, Operand<TFloat32>> layer,
            Map<String, float[]> weights, long[] shape, float[] x) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Network net = Network.withValues(tf, weights);
            Placeholder<TFloat32> in = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
            Operand<TFloat32> y = layer.apply(net, in);
            s.initialize();
            try (TFloat32 t = TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(x, true, false));
                    Result r = s.runner().feed(in, t).fetch(y).run()) {
                return ImageTensors.values((TFloat32) r.get(0));
            }
        }
    }

    private static float[] random(int n, SplittableRandom rnd) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rnd.nextDouble(-1, 1);
        }
        return v;
    }

    @Test
    void blockwiseInferenceGraphGivesTheFullResolutionLayersOutput() {
        SplittableRandom rnd = new SplittableRandom(8);
        Map<String, float[]> weights = Map.of("c1/kernel", random(9 * IN * OUT, rnd), "c1/bias", random(OUT, rnd));
        float[] x = random((int) (SHAPE[0] * SHAPE[1] * SHAPE[2] * SHAPE[3]), rnd);
        float[] plain = run((net, in) -> net.maxPool(net.relu(net.conv("c1", in, IN, OUT, 3, 1, true, Init.he())), 2,
                2), weights, SHAPE, x);
        float[] blocks = run((net, in) -> PooledConv.apply(net, "c1", in, IN, OUT, false), weights, SHAPE, x);
        assertEquals(SHAPE[0] * SHAPE[1] / 2 * SHAPE[2] / 2 * OUT, blocks.length);
        assertArrayEquals(plain, blocks, 1e-4f);
    }

    @Test
    void theDetectorsInferenceGraphGivesWhatItsTrainingGraphGives() {
        long[] shape = {1, 48, 32, 1};
        GridNetwork network = new GridNetwork(3);
        Map<String, float[]> weights;
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Network net = new Network(tf, 5);
            network.build(net, tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape))), true);
            s.initialize();
            weights = net.values(s);
        }
        // biases start at zero; random ones make every ReLU and every pooling window count
        SplittableRandom rnd = new SplittableRandom(9);
        Map<String, float[]> biased = new HashMap<>(weights);
        biased.replaceAll((name, v) -> name.endsWith("/bias") ? random(v.length, rnd) : v);
        float[] x = random(48 * 32, rnd);
        float[] training = run((net, in) -> network.build(net, in, true), biased, shape, x);
        float[] inference = run((net, in) -> network.build(net, in, false), biased, shape, x);
        assertEquals(6 * 4 * network.outputs(), inference.length);
        assertArrayEquals(training, inference, 1e-3f);
    }
}
