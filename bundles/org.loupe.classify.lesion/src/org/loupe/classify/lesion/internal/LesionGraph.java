package org.loupe.classify.lesion.internal;

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

/** The training graph of {@link LesionNet}: softmax cross-entropy of the class scores, and the batch's accuracy. */
final class LesionGraph implements AutoCloseable {

    private final Graph graph = new Graph();
    private final Session session;
    private final Network net;
    private final TrainingLoop.Setup setup;

    LesionGraph(LesionNet model, long seed) {
        Ops tf = Ops.create(graph);
        net = new Network(tf, seed);
        int s = LesionTensors.SIDE;
        int k = LesionNet.CLASSES.size();
        Placeholder<TFloat32> input = tf.withName("input").placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, s, s, model.slices())));
        Placeholder<TFloat32> target = tf.withName("target").placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, k)));
        Operand<TFloat32> loss = Losses.softmaxCrossEntropy(tf, model.logits(net, input, true), target);
        Operand<TFloat32> inference = model.logits(net, input, false);
        Operand<TFloat32> evalLoss = Losses.softmaxCrossEntropy(tf, inference, target);
        Operand<TFloat32> right = tf.dtypes.cast(tf.math.equal(tf.math.argMax(inference, tf.constant(1)),
                tf.math.argMax(target, tf.constant(1))), TFloat32.class);
        Operand<TFloat32> accuracy = tf.math.mean(right, tf.constant(0));
        AdamOptimizer adam = new AdamOptimizer(graph, tf, loss, net.trainableVariables(), 0, net.updates());
        session = Sessions.open(graph);
        session.initialize();
        setup = new TrainingLoop.Setup(session, input, target, loss, evalLoss, accuracy, adam);
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
