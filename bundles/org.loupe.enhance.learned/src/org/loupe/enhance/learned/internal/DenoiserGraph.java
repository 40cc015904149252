package org.loupe.enhance.learned.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loupe.tensorflow.ImageTensors;
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
 * The training graph of a {@link ResidualDenoiser}: a training path (batch statistics) with the loss L1 + a focal
 * frequency term + a wavelet high-frequency term, an inference path over the same weights for validation, and Adam.
 */
final class DenoiserGraph implements AutoCloseable {

    private final Graph graph = new Graph();
    private final Session session;
    private final Network net;
    private final Placeholder<TFloat32> input;
    private final Placeholder<TFloat32> target;
    private final Operand<TFloat32> loss;
    private final Operand<TFloat32> evalOutput;
    private final Operand<TFloat32> evalLoss;
    private final AdamOptimizer adam;

    DenoiserGraph(ResidualDenoiser model, long seed, float ffl, float whfl, float clip) {
        Ops tf = Ops.create(graph);
        net = new Network(tf, seed);
        Shape images = Shape.of(-1, -1, -1, model.channels());
        input = tf.withName("input").placeholder(TFloat32.class, Placeholder.shape(images));
        target = tf.withName("target").placeholder(TFloat32.class, Placeholder.shape(images));
        loss = loss(tf, model.build(net, input, true), model.channels(), ffl, whfl);
        evalOutput = model.build(net, input, false);
        evalLoss = loss(tf, evalOutput, model.channels(), ffl, whfl);
        adam = new AdamOptimizer(graph, tf, loss, net.trainableVariables(), clip, net.updates());
        session = new Session(graph);
        session.initialize();
    }

    private Operand<TFloat32> loss(Ops tf, Operand<TFloat32> out, int channels, float ffl, float whfl) {
        Operand<TFloat32> l = Losses.l1(tf, out, target);
        if (ffl > 0) {
            l = tf.math.add(l, tf.math.mul(tf.constant(ffl), Losses.focalFrequency(tf, out, target, 1f)));
        }
        if (whfl > 0) {
            l = tf.math.add(l, tf.math.mul(tf.constant(whfl), Losses.waveletHighFrequency(tf, out, target, channels,
                    2)));
        }
        return l;
    }

    TrainingLoop.Setup setup() {
        return new TrainingLoop.Setup(session, input, target, loss, evalLoss, null, adam);
    }

    Map<String, float[]> weights() {
        return net.values(session);
    }

    /** Validation L1 and PSNR of the network's output, and the PSNR of its input, against the targets. */
    Map<String, Double> scores(List<Batch> validation) {
        double l1 = 0;
        double seOut = 0;
        double seIn = 0;
        long n = 0;
        for (Batch b : validation) {
            try (TFloat32 x = b.inputTensor();
                    Result r = session.runner().feed(input, x).fetch(evalOutput).run()) {
                float[] out = ImageTensors.values((TFloat32) r.get(0));
                for (int i = 0; i < out.length; i++) {
                    double d = out[i] - b.target()[i];
                    double e = b.input()[i] - b.target()[i];
                    l1 += Math.abs(d);
                    seOut += d * d;
                    seIn += e * e;
                }
                n += out.length;
            }
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("validation L1", l1 / n);
        scores.put("validation PSNR (dB)", 10 * Math.log10(n / seOut));
        scores.put("input PSNR (dB)", 10 * Math.log10(n / seIn));
        return scores;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
