package org.loupe.tensorflow.bench;

import java.util.List;
import java.util.SplittableRandom;
import org.loupe.tensorflow.Sessions;
import org.loupe.tensorflow.train.AdamOptimizer;
import org.loupe.tensorflow.train.Batch;
import org.loupe.tensorflow.train.Losses;
import org.loupe.tensorflow.train.ModelDefinition;
import org.loupe.tensorflow.train.Network;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** One Adam step of a network on a random batch, timed: the training graph of the benchmark. */
final class TrainingStep implements AutoCloseable {

    private final Graph graph = new Graph();
    private final Session session;
    private final Placeholder<TFloat32> input;
    private final Placeholder<TFloat32> target;
    private final AdamOptimizer adam;
    private final Batch batch;

    TrainingStep(ModelDefinition definition, int batchSize, int patch, boolean frequencyLosses) {
        Ops tf = Ops.create(graph);
        Network net = new Network(tf, 3);
        Shape shape = Shape.of(-1, -1, -1, 1);
        input = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
        target = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
        Operand<TFloat32> out = definition.build(net, input, true);
        Operand<TFloat32> loss = Losses.l1(tf, out, target);
        if (frequencyLosses) {
            loss = tf.math.add(loss, tf.math.add(Losses.focalFrequency(tf, out, target, 1f),
                    Losses.waveletHighFrequency(tf, out, target, 1, 2)));
        }
        adam = new AdamOptimizer(graph, tf, loss, net.trainableVariables(), 0, net.updates());
        session = Sessions.open(graph);
        session.initialize();
        SplittableRandom r = new SplittableRandom(5);
        float[] x = new float[batchSize * patch * patch];
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) r.nextDouble();
            x[i] = y[i] + (float) (0.1 * r.nextGaussian());
        }
        long[] dims = {batchSize, patch, patch, 1};
        batch = new Batch(x, dims, y, dims);
    }

    /** Nanoseconds for step {@code index} (0-based), feeding included. */
    long time(int index) {
        long t0 = System.nanoTime();
        try (TFloat32 x = batch.inputTensor(); TFloat32 y = batch.targetTensor()) {
            Session.Runner r = session.runner().feed(input, x).feed(target, y).addTarget(adam.step());
            List<Tensor> feeds = adam.feed(r, index + 1, 1e-3f);
            r.run();
            feeds.forEach(Tensor::close);
        }
        return System.nanoTime() - t0;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
