package org.loupe.tensorflow.train;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam (Kingma and Ba) over an explicit list of variables, with the learning rate fed at every step so that any
 * {@link LearningRateSchedule} can drive it, and optional clipping of the gradients' global norm. Gradients are taken
 * only for the listed variables (TensorFlow Java's own optimizer differentiates against every variable in the graph
 * and fails on one that does not reach the loss). The bias corrections beta^t are fed from the step number, so a
 * resumed run continues exactly where it stopped.
 */
public final class AdamOptimizer {

    /** First-moment decay. */
    public static final float BETA1 = 0.9f;
    /** Second-moment decay. */
    public static final float BETA2 = 0.999f;
    /** Denominator guard. */
    public static final float EPSILON = 1e-8f;

    private final Placeholder<TFloat32> rate;
    private final Placeholder<TFloat32> beta1Power;
    private final Placeholder<TFloat32> beta2Power;
    private final Op step;

    /**
     * @param clipNorm     largest global gradient norm; 0 disables clipping
     * @param extraUpdates operations to run with each step (batch-normalisation averages)
     */
    public AdamOptimizer(Graph graph, Ops tf, Operand<TFloat32> loss, List<Variable<TFloat32>> variables,
            float clipNorm, List<Op> extraUpdates) {
        Output<?>[] xs = variables.stream().map(Variable::asOutput).toArray(Output<?>[]::new);
        Output<?>[] grads = graph.addGradients(loss.asOutput(), xs);
        List<Operand<TFloat32>> g = new ArrayList<>();
        for (Output<?> o : grads) {
            @SuppressWarnings("unchecked")
            Operand<TFloat32> f = (Operand<TFloat32>) o;
            g.add(f);
        }
        if (clipNorm > 0) {
            g = clip(tf, g, clipNorm);
        }
        Ops t = tf.withSubScope("adam");
        rate = t.withName("learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        beta1Power = t.withName("beta1_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        beta2Power = t.withName("beta2_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        List<Op> ops = new ArrayList<>(extraUpdates);
        for (int i = 0; i < variables.size(); i++) {
            Variable<TFloat32> v = variables.get(i);
            String name = v.asOutput().op().name();
            Variable<TFloat32> m = t.withName(name + "_m").variable(tf.zerosLike(v));
            Variable<TFloat32> s = t.withName(name + "_v").variable(tf.zerosLike(v));
            ops.add(t.train.applyAdam(v, m, s, beta1Power, beta2Power, rate, t.constant(BETA1), t.constant(BETA2),
                    t.constant(EPSILON), g.get(i)));
        }
        step = t.withControlDependencies(ops).withName("step").noOp();
    }

    private static List<Operand<TFloat32>> clip(Ops tf, List<Operand<TFloat32>> g, float clipNorm) {
        Operand<TFloat32> sum = tf.constant(0f);
        for (Operand<TFloat32> x : g) {
            sum = tf.math.add(sum, tf.reduceSum(tf.math.square(x), tf.range(tf.constant(0), tf.rank(x),
                    tf.constant(1))));
        }
        Operand<TFloat32> norm = tf.math.sqrt(sum);
        Operand<TFloat32> factor = tf.math.div(tf.constant(clipNorm), tf.math.maximum(norm, tf.constant(clipNorm)));
        List<Operand<TFloat32>> out = new ArrayList<>();
        for (Operand<TFloat32> x : g) {
            out.add(tf.math.mul(x, factor));
        }
        return out;
    }

    /** The operation that applies one update. */
    public Op step() {
        return step;
    }

    /**
     * Adds the feeds of update number {@code stepNumber} (1-based) at the given rate; the returned tensors must be
     * closed after the run.
     */
    public List<Tensor> feed(Session.Runner runner, long stepNumber, float learningRate) {
        TFloat32 r = TFloat32.scalarOf(learningRate);
        TFloat32 b1 = TFloat32.scalarOf((float) Math.pow(BETA1, stepNumber));
        TFloat32 b2 = TFloat32.scalarOf((float) Math.pow(BETA2, stepNumber));
        runner.feed(rate, r).feed(beta1Power, b1).feed(beta2Power, b2);
        return List.of(r, b1, b2);
    }
}
