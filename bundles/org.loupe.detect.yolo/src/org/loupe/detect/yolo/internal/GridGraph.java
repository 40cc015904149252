package org.loupe.detect.yolo.internal;

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

/**
 * The one-stage detector's training graph. Its loss, averaged over the positive cells of the batch: focal loss on
 * every cell's objectness (alpha 0.25, gamma 2, as RetinaNet and FCOS), binary cross-entropy of the class logits on
 * positive cells, and 1 - GIoU of the predicted box on positive cells (the distances as exp of the outputs, so they
 * stay positive).
 */
final class GridGraph implements AutoCloseable {

    private final Graph graph = new Graph();
    private final Session session;
    private final Network net;
    private final Placeholder<TFloat32> input;
    private final Placeholder<TFloat32> target;
    private final Operand<TFloat32> loss;
    private final AdamOptimizer adam;

    GridGraph(GridNetwork network, int classes, long seed) {
        Ops tf = Ops.create(graph);
        net = new Network(tf, seed);
        input = tf.withName("input").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
        target = tf.withName("target").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1,
                network.outputs())));
        Operand<TFloat32> out = network.build(net, input, true);
        Operand<TFloat32> pos = slice(tf, target, 0, 1);
        Operand<TFloat32> count = tf.math.maximum(tf.reduceSum(pos, tf.constant(new int[] {0, 1, 2, 3})),
                tf.constant(1f));
        Operand<TFloat32> objectness = focal(tf, slice(tf, out, 0, 1), pos);
        Operand<TFloat32> cls = tf.math.mul(pos, Losses.binaryCrossEntropy(tf, slice(tf, out, 1, classes),
                slice(tf, target, 1, classes)));
        Operand<TFloat32> box = tf.math.mul(pos, tf.math.sub(tf.constant(1f), giou(tf,
                tf.math.exp(tf.math.minimum(tf.math.maximum(slice(tf, out, 1 + classes, 4), tf.constant(-6f)),
                        tf.constant(6f))),
                slice(tf, target, 1 + classes, 4))));
        Operand<TFloat32> total = tf.math.add(tf.math.add(sum(tf, objectness), sum(tf, cls)), tf.math.mul(
                tf.constant(2f), sum(tf, box)));
        loss = tf.math.div(total, count);
        adam = new AdamOptimizer(graph, tf, loss, net.trainableVariables(), 5f, net.updates());
        session = Sessions.open(graph);
        session.initialize();
    }

    private static Operand<TFloat32> slice(Ops tf, Operand<TFloat32> x, int from, int size) {
        return tf.slice(x, tf.constant(new int[] {0, 0, 0, from}), tf.constant(new int[] {-1, -1, -1, size}));
    }

    private static Operand<TFloat32> sum(Ops tf, Operand<TFloat32> x) {
        return tf.reduceSum(x, tf.constant(new int[] {0, 1, 2, 3}));
    }

    private static Operand<TFloat32> focal(Ops tf, Operand<TFloat32> x, Operand<TFloat32> z) {
        Operand<TFloat32> p = tf.math.sigmoid(x);
        Operand<TFloat32> one = tf.constant(1f);
        // p_t: the probability given to the right answer; alpha_t weighs positives 0.25, negatives 0.75
        Operand<TFloat32> pt = tf.math.add(tf.math.mul(p, z), tf.math.mul(tf.math.sub(one, p), tf.math.sub(one, z)));
        Operand<TFloat32> alpha = tf.math.add(tf.math.mul(tf.constant(0.25f), z), tf.math.mul(tf.constant(0.75f),
                tf.math.sub(one, z)));
        Operand<TFloat32> modulation = tf.math.square(tf.math.sub(one, pt));
        return tf.math.mul(tf.math.mul(alpha, modulation), Losses.binaryCrossEntropy(tf, x, z));
    }

    /** GIoU of boxes given as distances from one point to their left, top, right and bottom edges. */
    static Operand<TFloat32> giou(Ops tf, Operand<TFloat32> p, Operand<TFloat32> t) {
        Operand<TFloat32> pl = slice(tf, p, 0, 1);
        Operand<TFloat32> pt = slice(tf, p, 1, 1);
        Operand<TFloat32> pr = slice(tf, p, 2, 1);
        Operand<TFloat32> pb = slice(tf, p, 3, 1);
        Operand<TFloat32> tl = slice(tf, t, 0, 1);
        Operand<TFloat32> tt = slice(tf, t, 1, 1);
        Operand<TFloat32> tr = slice(tf, t, 2, 1);
        Operand<TFloat32> tb = slice(tf, t, 3, 1);
        Operand<TFloat32> eps = tf.constant(1e-6f);
        Operand<TFloat32> areaP = tf.math.mul(tf.math.add(pl, pr), tf.math.add(pt, pb));
        Operand<TFloat32> areaT = tf.math.mul(tf.math.add(tl, tr), tf.math.add(tt, tb));
        Operand<TFloat32> inter = tf.math.mul(tf.math.add(tf.math.minimum(pl, tl), tf.math.minimum(pr, tr)),
                tf.math.add(tf.math.minimum(pt, tt), tf.math.minimum(pb, tb)));
        Operand<TFloat32> union = tf.math.sub(tf.math.add(areaP, areaT), inter);
        Operand<TFloat32> enclosing = tf.math.mul(tf.math.add(tf.math.maximum(pl, tl), tf.math.maximum(pr, tr)),
                tf.math.add(tf.math.maximum(pt, tt), tf.math.maximum(pb, tb)));
        return tf.math.sub(tf.math.div(inter, tf.math.add(union, eps)), tf.math.div(tf.math.sub(enclosing, union),
                tf.math.add(enclosing, eps)));
    }

    /** What {@link TrainingLoop#run} drives. */
    TrainingLoop.Setup setup() {
        return new TrainingLoop.Setup(session, input, target, loss, loss, null, adam);
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
