package org.loupe.detect.template.internal;

import java.util.List;
import java.util.Map;
import org.loupe.tensorflow.Sessions;
import org.loupe.tensorflow.train.AdamOptimizer;
import org.loupe.tensorflow.train.Batch;
import org.loupe.tensorflow.train.Losses;
import org.loupe.tensorflow.train.Network;
import org.loupe.tensorflow.train.TrainingLoop;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The candidate classifier's training graph. Targets are rows of one-hot class then the box; the loss is softmax
 * cross-entropy plus the L1 error of the box on defect rows only (a background candidate has no box to learn).
 */
final class CandidateGraph implements AutoCloseable {

    /** Weight of the box error against the class loss; box fractions are about 0.1 off at the start. */
    private static final float BOX_WEIGHT = 5f;

    private final Graph graph = new Graph();
    private final Session session;
    private final Network net;
    private final Placeholder<TFloat32> input;
    private final Placeholder<TFloat32> target;
    private final Operand<TFloat32> loss;
    private final Operand<TFloat32> accuracy;
    private final AdamOptimizer adam;

    CandidateGraph(long seed) {
        Ops tf = Ops.create(graph);
        net = new Network(tf, seed);
        int side = CandidateCrops.SIDE;
        input = tf.withName("input").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, side, side,
                CandidateCrops.CHANNELS)));
        target = tf.withName("target").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1,
                CandidateNetwork.OUTPUTS)));
        Operand<TFloat32> out = new CandidateNetwork().build(net, input, true);
        int k = CandidateNetwork.CLASSES;
        Operand<TFloat32> logits = slice(tf, out, 0, k);
        Operand<TFloat32> labels = slice(tf, target, 0, k);
        Operand<TFloat32> box = slice(tf, out, k, CandidateNetwork.BOX);
        Operand<TFloat32> boxTarget = slice(tf, target, k, CandidateNetwork.BOX);
        // 1 for defect rows, 0 for background (column 0 of the one-hot label)
        Operand<TFloat32> defect = tf.math.sub(tf.constant(1f), slice(tf, labels, 0, 1));
        Operand<TFloat32> boxError = tf.math.mean(tf.math.mul(defect, tf.math.abs(tf.math.sub(box, boxTarget))),
                tf.constant(new int[] {0, 1}));
        loss = tf.math.add(Losses.softmaxCrossEntropy(tf, logits, labels), tf.math.mul(tf.constant(BOX_WEIGHT),
                boxError));
        accuracy = tf.math.mean(tf.dtypes.cast(tf.math.equal(tf.math.argMax(logits, tf.constant(1)),
                tf.math.argMax(labels, tf.constant(1))), TFloat32.class), tf.constant(0));
        adam = new AdamOptimizer(graph, tf, loss, net.trainableVariables(), 0, net.updates());
        session = Sessions.open(graph);
        session.initialize();
    }

    private static Operand<TFloat32> slice(Ops tf, Operand<TFloat32> x, int from, int size) {
        return tf.slice(x, tf.constant(new int[] {0, from}), tf.constant(new int[] {-1, size}));
    }

    /** What {@link TrainingLoop#run} drives. */
    TrainingLoop.Setup setup() {
        return new TrainingLoop.Setup(session, input, target, loss, loss, accuracy, adam);
    }

    /** The share of rows whose most likely class is the labelled one, over all rows of the batches. */
    double accuracy(List<Batch> batches) {
        double right = 0;
        long rows = 0;
        for (Batch b : batches) {
            long n = b.inputShape()[0];
            try (TFloat32 x = b.inputTensor(); TFloat32 y = b.targetTensor();
                    Result r = session.runner().feed(input, x).feed(target, y).fetch(accuracy).run()) {
                right += ((TFloat32) r.get(0)).getFloat() * n;
            }
            rows += n;
        }
        return right / rows;
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
