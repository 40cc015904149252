package org.loupe.segment.unet.internal;

import java.util.Map;
import org.loupe.tensorflow.Sessions;
import org.loupe.tensorflow.train.AdamOptimizer;
import org.loupe.tensorflow.train.Losses;
import org.loupe.tensorflow.train.Network;
import org.loupe.tensorflow.train.TrainingLoop;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The training graph of {@link LiverUNet}: binary cross-entropy per grid cell plus the soft Dice loss over the batch
 * (Milletari et al. 2016), against targets that are each cell's share of liver. Cross-entropy alone lets the many
 * empty cells dominate; Dice alone is unstable on slices without liver. The "accuracy" reported is the batch's soft
 * Dice.
 */
final class UNetGraph implements AutoCloseable {

    private final Graph graph = new Graph();
    private final Session session;
    private final Network net;
    private final TrainingLoop.Setup setup;

    UNetGraph(LiverUNet model, long seed) {
        Ops tf = Ops.create(graph);
        net = new Network(tf, seed);
        int s = SliceGrid.SIDE;
        Placeholder<TFloat32> input = tf.withName("input").placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, s, s, 1)));
        Placeholder<TFloat32> target = tf.withName("target").placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, s, s, 1)));
        Operand<TFloat32> loss = loss(tf, model.build(net, input, true), target);
        Operand<TFloat32> inference = model.build(net, input, false);
        AdamOptimizer adam = new AdamOptimizer(graph, tf, loss, net.trainableVariables(), 0, net.updates());
        session = Sessions.open(graph);
        session.initialize();
        setup = new TrainingLoop.Setup(session, input, target, loss, loss(tf, inference, target),
                dice(tf, tf.math.sigmoid(inference), target), adam);
    }

    private static Operand<TFloat32> loss(Ops tf, Operand<TFloat32> logits, Operand<TFloat32> target) {
        Operand<TFloat32> bce = tf.math.mean(Losses.binaryCrossEntropy(tf, logits, target), tf.constant(new int[] {0,
            1, 2, 3}));
        return tf.math.add(bce, tf.math.sub(tf.constant(1f), dice(tf, tf.math.sigmoid(logits), target)));
    }

    /** Soft Dice over the whole batch: 2 sum(p t) / (sum p + sum t), smoothed by one cell. */
    private static Operand<TFloat32> dice(Ops tf, Operand<TFloat32> p, Operand<TFloat32> t) {
        Operand<TInt32> all = tf.constant(new int[] {0, 1, 2, 3});
        Operand<TFloat32> overlap = tf.reduceSum(tf.math.mul(p, t), all);
        Operand<TFloat32> total = tf.math.add(tf.reduceSum(p, all), tf.reduceSum(t, all));
        return tf.math.div(tf.math.add(tf.math.mul(tf.constant(2f), overlap), tf.constant(1f)),
                tf.math.add(total, tf.constant(1f)));
    }

    /** What {@link TrainingLoop#run} drives. */
    TrainingLoop.Setup setup() {
        return setup;
    }

    /** The current weights by variable name. */
    Map<String, float[]> weights() {
        return net.values(session);
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
