package org.loupe.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.loupe.tensorflow.train.GradientCheck.assertClose;
import static org.loupe.tensorflow.train.GradientCheck.gradient;
import static org.loupe.tensorflow.train.GradientCheck.numeric;
import static org.loupe.tensorflow.train.GradientCheck.random;
import static org.loupe.tensorflow.train.GradientCheck.value;

import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Each loss against an independent double-precision reference (value) and its gradient against central differences.
 */
class LossesTest {

    private static final int N = 2;
    private static final int H = 8;
    private static final int W = 8;
    private static final int C = 2;
    private static final long[] IMAGES = {N, H, W, C};
    private static final int SIZE = N * H * W * C;

    private static Operand<TFloat32> constant(Ops tf, long[] shape, float[] v) {
        return tf.constant(Shape.of(shape), DataBuffers.of(v, true, false));
    }

    /** A prediction at least 0.1 away from the target everywhere, so |p - t| has no kink within reach. */
    private static float[] awayFrom(float[] t, long seed) {
        float[] d = random(t.length, 0.1, 0.4, seed);
        float[] sign = random(t.length, -1, 1, seed + 1);
        float[] p = new float[t.length];
        for (int i = 0; i < t.length; i++) {
            p[i] = t[i] + (sign[i] < 0 ? -d[i] : d[i]);
        }
        return p;
    }

    @Test
    void l1ValueAndGradientMatchTheDefinition() {
        float[] t = random(SIZE, 0, 1, 1);
        float[] p = awayFrom(t, 2);
        BiFunction<Ops, Operand<TFloat32>, Operand<TFloat32>> f = (tf, x) -> Losses.l1(tf, x, constant(tf, IMAGES, t));
        double expected = 0;
        for (int i = 0; i < SIZE; i++) {
            expected += Math.abs(p[i] - t[i]) / SIZE;
        }
        assertEquals(expected, value(f, IMAGES, p), 1e-6);
        assertClose(gradient(f, IMAGES, p), numeric(f, IMAGES, p, 1e-2f), 1e-3, "L1");
    }

    @Test
    void l2ValueAndGradientMatchTheDefinition() {
        float[] t = random(SIZE, 0, 1, 3);
        float[] p = random(SIZE, 0, 1, 4);
        BiFunction<Ops, Operand<TFloat32>, Operand<TFloat32>> f = (tf, x) -> Losses.l2(tf, x, constant(tf, IMAGES, t));
        double expected = 0;
        for (int i = 0; i < SIZE; i++) {
            expected += (p[i] - t[i]) * (double) (p[i] - t[i]) / SIZE;
        }
        assertEquals(expected, value(f, IMAGES, p), 1e-6);
        assertClose(gradient(f, IMAGES, p), numeric(f, IMAGES, p, 1e-2f), 1e-3, "L2");
    }

    @Test
    void focalFrequencyLossMatchesAReferenceDftAndItsGradientTreatsTheWeightAsConstant() {
        float[] t = random(SIZE, 0, 1, 5);
        float[] p = random(SIZE, 0, 1, 6);
        BiFunction<Ops, Operand<TFloat32>, Operand<TFloat32>> f =
                (tf, x) -> Losses.focalFrequency(tf, x, constant(tf, IMAGES, t), 1f);
        double[] weights = new double[N * C * H * W];
        double expected = FocalFrequencyReference.loss(p, t, N, H, W, C, weights, true);
        assertEquals(expected, value(f, IMAGES, p), 1e-5 * expected);
        // the published loss does not differentiate through its focal weight: differentiate the reference with
        // the weight frozen at p
        double[] numeric = new double[SIZE];
        double[] x = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            x[i] = p[i];
        }
        double eps = 1e-6;
        for (int i = 0; i < SIZE; i++) {
            x[i] = p[i] + eps;
            double plus = FocalFrequencyReference.loss(x, t, N, H, W, C, weights);
            x[i] = p[i] - eps;
            double minus = FocalFrequencyReference.loss(x, t, N, H, W, C, weights);
            x[i] = p[i];
            numeric[i] = (plus - minus) / (2 * eps);
        }
        assertClose(gradient(f, IMAGES, p), numeric, 1e-3, "focal frequency");
    }

    @Test
    void waveletLossMatchesAReferenceHaarAndItsGradientMatchesFiniteDifferences() {
        float[] t = random(SIZE, 0, 1, 7);
        float[] p = random(SIZE, 0, 1, 8);
        BiFunction<Ops, Operand<TFloat32>, Operand<TFloat32>> f =
                (tf, x) -> Losses.waveletHighFrequency(tf, x, constant(tf, IMAGES, t), C, 2);
        assertEquals(WaveletReference.loss(p, t, N, H, W, C, 2), value(f, IMAGES, p), 1e-6);
        assertClose(gradient(f, IMAGES, p), numeric(f, IMAGES, p, 1e-3f), 2e-2, "wavelet high-frequency");
    }

    @Test
    void tripletLossMatchesItsDefinitionWithTheHingeActiveOrNot() {
        long[] shape = {6, 4};
        float[] a = random(24, 0, 1, 9);
        float[] pos = random(24, 0, 1, 10);
        float[] neg = random(24, 0, 1, 11);
        float margin = 0.2f;
        BiFunction<Ops, Operand<TFloat32>, Operand<TFloat32>> f = (tf, x) -> Losses.triplet(tf, x,
                constant(tf, shape, pos), constant(tf, shape, neg), margin);
        double expected = 0;
        int active = 0;
        for (int r = 0; r < 6; r++) {
            double dp = 0;
            double dn = 0;
            for (int k = 0; k < 4; k++) {
                dp += Math.pow(a[r * 4 + k] - pos[r * 4 + k], 2);
                dn += Math.pow(a[r * 4 + k] - neg[r * 4 + k], 2);
            }
            double hinge = dp - dn + margin;
            active += hinge > 0 ? 1 : 0;
            expected += Math.max(0, hinge) / 6;
        }
        assertEquals(true, active > 0 && active < 6, "the seeds give rows on both sides of the hinge");
        assertEquals(expected, value(f, shape, a), 1e-6);
        assertClose(gradient(f, shape, a), numeric(f, shape, a, 1e-3f), 1e-2, "triplet");
    }

    @Test
    void softmaxCrossEntropyMatchesItsDefinition() {
        long[] shape = {4, 5};
        float[] logits = random(20, -2, 2, 12);
        float[] labels = new float[20];
        for (int r = 0; r < 4; r++) {
            labels[r * 5 + (r * 2) % 5] = 1;
        }
        BiFunction<Ops, Operand<TFloat32>, Operand<TFloat32>> f =
                (tf, x) -> Losses.softmaxCrossEntropy(tf, x, constant(tf, shape, labels));
        double expected = 0;
        for (int r = 0; r < 4; r++) {
            double sum = 0;
            for (int k = 0; k < 5; k++) {
                sum += Math.exp(logits[r * 5 + k]);
            }
            expected -= (logits[r * 5 + (r * 2) % 5] - Math.log(sum)) / 4;
        }
        assertEquals(expected, value(f, shape, logits), 1e-5);
        assertClose(gradient(f, shape, logits), numeric(f, shape, logits, 1e-2f), 1e-3, "softmax cross-entropy");
    }
}
