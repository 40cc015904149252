package org.loupe.enhance.srq.internal;

import java.util.Map;
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
 * The training graph: low-resolution luma in, the x2 residual over bicubic out, L1 loss against the true residual
 * (the same as L1 between the final image and the HR image), Adam. No batch normalisation, so the validation loss
 * is the training loss on held-out batches.
 */
final class SrqGraph implements AutoCloseable {

    private final Graph graph = new Graph();
    private final Session session;
    private final Network net;
    private final TrainingLoop.Setup setup;

    SrqGraph(long seed) {
        Ops tf = Ops.create(graph);
        net = new Network(tf, seed);
        Placeholder<TFloat32> input = tf.withName("input").placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, -1, -1, 1)));
        Placeholder<TFloat32> target = tf.withName("target").placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, -1, -1, 1)));
        Operand<TFloat32> out = new Architecture().build(net, input, true);
        Operand<TFloat32> loss = Losses.l1(tf, out, target);
        AdamOptimizer adam = new AdamOptimizer(graph, tf, loss, net.trainableVariables(), 0, net.updates());
        session = new Session(graph);
        session.initialize();
        setup = new TrainingLoop.Setup(session, input, target, loss, loss, null, adam);
    }

    TrainingLoop.Setup setup() {
        return setup;
    }

    /** The current kernels by variable name. */
    Map<String, float[]> weights() {
        return net.values(session);
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
