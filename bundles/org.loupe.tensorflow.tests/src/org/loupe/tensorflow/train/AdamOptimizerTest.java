package org.loupe.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loupe.tensorflow.ImageTensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam against a double-precision reference of the update rule, over steps whose gradients need clipping or not,
 * with a learning rate that changes every step.
 */
class AdamOptimizerTest {

    private static final float[] START = {0.5f, -1f, 2f, 0f};
    /** Gradients of the linear loss sum(v * g): the first has norm 23.5 and is clipped to 5, the others not. */
    private static final float[][] GRADIENTS = {{10, -20, 5, 0}, {0.1f, 0.2f, -0.3f, 0.4f}, {-1, 2, 1, -3}};

    @Test
    void updatesMatchTheReferenceRuleWithGlobalNormClipping() {
        LearningRateSchedule rate = LearningRateSchedule.cosine(0.1f, 0.01f, 3);
        float[] trained = train(5f, rate);
        double[] expected = reference(5.0, rate);
        for (int i = 0; i < START.length; i++) {
            assertEquals(expected[i], trained[i], 1e-5, "weight " + i);
        }
    }

    @Test
    void clippingChangesTheUpdateOnlyWhenTheNormExceedsTheLimit() {
        LearningRateSchedule rate = LearningRateSchedule.constant(0.1f);
        float[] clipped = train(5f, rate);
        float[] free = train(0f, rate);
        double[] expectedFree = reference(0, rate);
        for (int i = 0; i < START.length; i++) {
            assertEquals(expectedFree[i], free[i], 1e-5, "unclipped weight " + i);
        }
        // Adam is invariant to one gradient's scale but not to the ratio between steps, so the runs differ
        assertFalse(Arrays.equals(clipped, free));
    }

    @Test
    void variablesOutsideTheListAreLeftAloneEvenIfTheyDoNotReachTheLoss() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Network net = new Network(tf, 1);
            Variable<TFloat32> v = net.variable("v", new long[] {4}, 1, Init.values(START), true);
            Variable<TFloat32> unused = net.variable("unused", new long[] {4}, 1, Init.values(START), true);
            Operand<TFloat32> loss = tf.reduceSum(tf.math.square(net.read(v)), tf.constant(0));
            AdamOptimizer adam = new AdamOptimizer(g, tf, loss, List.of(v), 0, List.of());
            s.initialize();
            Session.Runner r = s.runner().addTarget(adam.step());
            List<Tensor> feeds = adam.feed(r, 1, 0.1f);
            r.run();
            feeds.forEach(Tensor::close);
            assertArrayEquals(START, read(s, unused));
        }
    }

    private static float[] train(float clip, LearningRateSchedule rate) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Network net = new Network(tf, 1);
            Variable<TFloat32> v = net.variable("v", new long[] {4}, 1, Init.values(START), true);
            Placeholder<TFloat32> grad = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(4)));
            Operand<TFloat32> loss = tf.reduceSum(tf.math.mul(net.read(v), grad), tf.constant(0));
            AdamOptimizer adam = new AdamOptimizer(g, tf, loss, net.trainableVariables(), clip, net.updates());
            s.initialize();
            for (int step = 1; step <= GRADIENTS.length; step++) {
                List<Tensor> owned = new ArrayList<>();
                TFloat32 gt = TFloat32.vectorOf(GRADIENTS[step - 1]);
                owned.add(gt);
                Session.Runner r = s.runner().feed(grad, gt).addTarget(adam.step());
                owned.addAll(adam.feed(r, step, rate.at(step)));
                r.run();
                owned.forEach(Tensor::close);
            }
            return read(s, v);
        }
    }

    private static float[] read(Session s, Variable<TFloat32> v) {
        try (Result r = s.runner().fetch(v).run()) {
            return ImageTensors.values((TFloat32) r.get(0));
        }
    }

    /** Kingma and Ba's Adam in the form TensorFlow's ApplyAdam computes it. */
    private static double[] reference(double clip, LearningRateSchedule rate) {
        double[] v = new double[4];
        double[] m = new double[4];
        double[] s = new double[4];
        for (int i = 0; i < 4; i++) {
            v[i] = START[i];
        }
        for (int t = 1; t <= GRADIENTS.length; t++) {
            double norm = 0;
            for (float g : GRADIENTS[t - 1]) {
                norm += g * (double) g;
            }
            norm = Math.sqrt(norm);
            double factor = clip > 0 ? clip / Math.max(norm, clip) : 1;
            double lr = rate.at(t) * Math.sqrt(1 - Math.pow(AdamOptimizer.BETA2, t))
                    / (1 - Math.pow(AdamOptimizer.BETA1, t));
            for (int i = 0; i < 4; i++) {
                double g = GRADIENTS[t - 1][i] * factor;
                m[i] = AdamOptimizer.BETA1 * m[i] + (1 - AdamOptimizer.BETA1) * g;
                s[i] = AdamOptimizer.BETA2 * s[i] + (1 - AdamOptimizer.BETA2) * g * g;
                v[i] -= lr * m[i] / (Math.sqrt(s[i]) + AdamOptimizer.EPSILON);
            }
        }
        return v;
    }
}
