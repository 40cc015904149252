package org.loupe.tensorflow.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loupe.tensorflow.ImageTensors;
import org.loupe.tensorflow.Sessions;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The training graph of an image-to-image network (denoiser, super-resolver, enhancer): a training path (batch
 * statistics) with the loss L1 + a focal frequency term + a wavelet high-frequency term, an inference path over the
 * same weights for validation, and Adam. Inputs and targets may differ in size (a super-resolver's input is smaller).
 */
public final class RestorationGraph implements AutoCloseable {

    private final Graph graph = new Graph();
    private final Session session;
    private final Network net;
    private final Placeholder<TFloat32> input;
    private final Placeholder<TFloat32> target;
    private final Operand<TFloat32> loss;
    private final Operand<TFloat32> evalOutput;
    private final Operand<TFloat32> evalLoss;
    private final AdamOptimizer adam;

    /**
     * Builds the graph and initialises the weights.
     *
     * @param channels image channels of input and target
     * @param ffl      weight of the focal frequency loss (0: none)
     * @param whfl     weight of the wavelet high-frequency loss (0: none)
     * @param clip     largest global gradient norm (0: no clipping)
     */
    public RestorationGraph(ModelDefinition model, int channels, long seed, float ffl, float whfl, float clip) {
        Ops tf = Ops.create(graph);
        net = new Network(tf, seed);
        Shape images = Shape.of(-1, -1, -1, channels);
        input = tf.withName("input").placeholder(TFloat32.class, Placeholder.shape(images));
        target = tf.withName("target").placeholder(TFloat32.class, Placeholder.shape(images));
        loss = loss(tf, model.build(net, input, true), channels, ffl, whfl);
        evalOutput = model.build(net, input, false);
        evalLoss = loss(tf, evalOutput, channels, ffl, whfl);
        adam = new AdamOptimizer(graph, tf, loss, net.trainableVariables(), clip, net.updates());
        session = Sessions.open(graph);
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

    /** What {@link TrainingLoop#run} drives. */
    public TrainingLoop.Setup setup() {
        return new TrainingLoop.Setup(session, input, target, loss, evalLoss, null, adam);
    }

    /** The current weights by variable name. */
    public Map<String, float[]> weights() {
        return net.values(session);
    }

    /**
     * Validation L1 and PSNR (peak 1) of the network's output against the targets, and the PSNR of the input where
     * it has the target's size.
     */
    public Map<String, Double> scores(List<Batch> validation) {
        double l1 = 0;
        double seOut = 0;
        double seIn = 0;
        boolean inputComparable = true;
        long n = 0;
        for (Batch b : validation) {
            try (TFloat32 x = b.inputTensor();
                    Result r = session.runner().feed(input, x).fetch(evalOutput).run()) {
                float[] out = ImageTensors.values((TFloat32) r.get(0));
                inputComparable &= b.input().length == out.length;
                for (int i = 0; i < out.length; i++) {
                    double d = out[i] - b.target()[i];
                    l1 += Math.abs(d);
                    seOut += d * d;
                    if (inputComparable) {
                        double e = b.input()[i] - b.target()[i];
                        seIn += e * e;
                    }
                }
                n += out.length;
            }
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("validation L1", l1 / n);
        scores.put("validation PSNR (dB)", 10 * Math.log10(n / seOut));
        if (inputComparable) {
            scores.put("input PSNR (dB)", 10 * Math.log10(n / seIn));
        }
        return scores;
    }

    /** Releases the session and the graph. */
    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
