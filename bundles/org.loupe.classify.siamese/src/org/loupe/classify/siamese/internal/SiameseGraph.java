package org.loupe.classify.siamese.internal;

import java.util.List;
import java.util.Map;
import org.loupe.tensorflow.Sessions;
import org.loupe.tensorflow.train.AdamOptimizer;
import org.loupe.tensorflow.train.Init;
import org.loupe.tensorflow.train.Losses;
import org.loupe.tensorflow.train.Network;
import org.loupe.tensorflow.train.TrainingLoop;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The Siamese training graph: one network with shared weights embeds a batch of triplets fed as three stacked
 * blocks (anchors, positives, negatives); the loss is the triplet loss and the softmax cross-entropy of an auxiliary
 * fully connected classifier of the anchors' board types, either alone or both together.
 */
final class SiameseGraph implements AutoCloseable {

    /** Which losses train the embedding. */
    enum Loss {
        /** Triplet and cross-entropy, the paper's model. */
        BOTH,
        /** Triplet loss only. */
        TRIPLET,
        /** Cross-entropy only. */
        CE
    }

    private final Graph graph = new Graph();
    private final Session session;
    private final Network net;
    private final Placeholder<TFloat32> input;
    private final Placeholder<TFloat32> target;
    private final Operand<TFloat32> loss;
    private final Operand<TFloat32> evalLoss;
    private final AdamOptimizer adam;

    SiameseGraph(FusionResNet model, int types, Loss which, float margin, long seed) {
        Ops tf = Ops.create(graph);
        net = new Network(tf, seed);
        int s = PatchTensors.SIDE;
        input = tf.withName("input").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, s, s, 1)));
        target = tf.withName("target").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, types)));
        loss = loss(tf, model.build(net, input, true), model.dim(), types, which, margin);
        evalLoss = loss(tf, model.build(net, input, false), model.dim(), types, which, margin);
        adam = new AdamOptimizer(graph, tf, loss, net.trainableVariables(), 0, net.updates());
        session = Sessions.open(graph);
        session.initialize();
    }

    private Operand<TFloat32> loss(Ops tf, Operand<TFloat32> embedding, int dim, int types, Loss which,
            float margin) {
        List<Output<TFloat32>> abc = tf.split(tf.constant(0), embedding, 3L).output();
        Operand<TFloat32> total = tf.constant(0f);
        if (which != Loss.CE) {
            total = tf.math.add(total, Losses.triplet(tf, abc.get(0), abc.get(1), abc.get(2), margin));
        }
        if (which != Loss.TRIPLET) {
            Operand<TFloat32> logits = net.dense("types", abc.get(0), dim, types, true, Init.lecunUniform());
            total = tf.math.add(total, Losses.softmaxCrossEntropy(tf, logits, target));
        }
        return total;
    }

    /** What {@link TrainingLoop#run} drives. */
    TrainingLoop.Setup setup() {
        return new TrainingLoop.Setup(session, input, target, loss, evalLoss, null, adam);
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
