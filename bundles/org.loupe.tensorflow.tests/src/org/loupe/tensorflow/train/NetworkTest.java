package org.loupe.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.loupe.tensorflow.ImageTensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** What each layer computes, on small inputs whose answers are known. */
class NetworkTest {

    /** Output values and shape of a layer applied to {@code x} of {@code shape}. */
    private record Out(float[] values, long[] shape) {
    }

    private static Out apply(long[] shape, float[] x, BiFunction<Network, Operand<TFloat32>, Operand<TFloat32>> layer) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Network net = new Network(tf, 1);
            Placeholder<TFloat32> in = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
            Operand<TFloat32> y = layer.apply(net, in);
            s.initialize();
            try (TFloat32 t = GradientCheck.tensor(shape, x); Result r = s.runner().feed(in, t).fetch(y).run()) {
                TFloat32 o = (TFloat32) r.get(0);
                return new Out(ImageTensors.values(o), o.shape().asArray());
            }
        }
    }

    @Test
    void pixelShuffleMovesChannelsIntoSpace() {
        float[] x = {1, 2, 3, 4};
        Out o = apply(new long[] {1, 1, 1, 4}, x, (n, in) -> n.pixelShuffle(in, 2));
        assertArrayEquals(new long[] {1, 2, 2, 1}, o.shape());
        assertArrayEquals(x, o.values());
    }

    @Test
    void transposedConvolutionAndPoolingScaleTheImage() {
        float[] x = GradientCheck.random(1 * 6 * 6 * 2, 0, 1, 1);
        long[] shape = {1, 6, 6, 2};
        assertArrayEquals(new long[] {1, 12, 12, 3}, apply(shape, x, (n, in) -> n.convTranspose("up", in, 2, 3, 4, 2,
                Init.he())).shape());
        Out max = apply(shape, x, (n, in) -> n.maxPool(in, 2, 2));
        Out avg = apply(shape, x, (n, in) -> n.avgPool(in, 2, 2));
        assertArrayEquals(new long[] {1, 3, 3, 2}, max.shape());
        float[] block = {x[0], x[2], x[12], x[14]}; // channel 0 of the top-left 2x2 block
        assertEquals(Math.max(Math.max(block[0], block[1]), Math.max(block[2], block[3])), max.values()[0]);
        assertEquals((block[0] + block[1] + block[2] + block[3]) / 4, avg.values()[0], 1e-6);
    }

    @Test
    void denseRowsThenL2NormalisationGiveUnitRows() {
        float[] x = GradientCheck.random(3 * 5, -1, 1, 2);
        Out o = apply(new long[] {3, 5}, x, (n, in) -> n.l2Normalize(n.dense("fc", in, 5, 4, true, Init.he())));
        assertArrayEquals(new long[] {3, 4}, o.shape());
        for (int r = 0; r < 3; r++) {
            double sq = 0;
            for (int k = 0; k < 4; k++) {
                sq += o.values()[r * 4 + k] * o.values()[r * 4 + k];
            }
            assertEquals(1, sq, 1e-5);
        }
    }

    @Test
    void aResidualBlockWithZeroWeightsIsTheIdentity() {
        float[] x = GradientCheck.random(1 * 4 * 4 * 3, 0, 1, 3);
        Out o = apply(new long[] {1, 4, 4, 3}, x, (n, in) -> n.residualBlock("res", in, 3, 3, Init.constant(0)));
        assertArrayEquals(x, o.values());
    }

    @Test
    void batchNormalisationUsesBatchStatisticsInTrainingAndUpdatesItsRunningAverages() {
        long[] shape = {4, 3, 3, 2};
        float[] x = GradientCheck.random(72, 5, 9, 4);
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Network net = new Network(tf, 1);
            Placeholder<TFloat32> in = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
            Operand<TFloat32> train = net.batchNorm("bn", in, 2, true);
            Operand<TFloat32> infer = net.batchNorm("bn", in, 2, false);
            s.initialize();
            float[] y;
            try (TFloat32 t = GradientCheck.tensor(shape, x)) {
                Session.Runner r = s.runner().feed(in, t).fetch(train);
                net.updates().forEach(r::addTarget);
                try (Result res = r.run()) {
                    y = ImageTensors.values((TFloat32) res.get(0));
                }
            }
            double mean = 0;
            double sq = 0;
            for (int i = 0; i < 72; i += 2) {
                mean += y[i] / 36.0;
                sq += y[i] * y[i] / 36.0;
            }
            assertEquals(0, mean, 1e-4, "channel 0 normalised to mean 0");
            assertEquals(1, sq, 1e-2, "and variance 1 (up to epsilon)");
            float[] movingMean = net.values(s).get("bn/moving_mean");
            double batchMean = 0;
            for (int i = 0; i < 72; i += 2) {
                batchMean += x[i] / 36.0;
            }
            assertEquals(0.01 * batchMean, movingMean[0], 1e-4, "moved 1 % of the way to the batch mean");
            assertNotEquals(y[0], run(s, in, shape, x, infer)[0], "inference uses the running averages");
        }
    }

    private static float[] run(Session s, Placeholder<TFloat32> in, long[] shape, float[] x, Operand<TFloat32> y) {
        try (TFloat32 t = GradientCheck.tensor(shape, x); Result r = s.runner().feed(in, t).fetch(y).run()) {
            return ImageTensors.values((TFloat32) r.get(0));
        }
    }

    @Test
    void initialisersFollowTheirDistributionAndTheSeed() {
        float[] he = new float[20_000];
        Init.he().fill(he, 50, new SplittableRandom(1));
        double sq = 0;
        for (float v : he) {
            sq += v * v;
        }
        assertEquals(Math.sqrt(2.0 / 50), Math.sqrt(sq / he.length), 0.005);
        float[] uni = new float[1000];
        Init.uniform(0.1).fill(uni, 1, new SplittableRandom(2));
        for (float v : uni) {
            assertTrue(Math.abs(v) <= 0.1f);
        }
        float[] again = new float[20_000];
        Init.he().fill(again, 50, new SplittableRandom(1));
        assertArrayEquals(he, again);
    }

    @Test
    void variablesAreSharedByNameAcrossTwoBuildsOfALayer() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Network net = new Network(tf, 1);
            Placeholder<TFloat32> in = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
            net.conv("c", in, 1, 2, 3, 1, true, Init.he());
            net.conv("c", in, 1, 2, 3, 1, true, Init.he());
            assertEquals(List.of("c/kernel", "c/bias"), List.copyOf(net.variables().keySet()));
            assertEquals(2 * 9 + 2, net.weightCount());
            assertTrue(net.updates().isEmpty(), "no batch normalisation, nothing to update");
        }
    }
}
