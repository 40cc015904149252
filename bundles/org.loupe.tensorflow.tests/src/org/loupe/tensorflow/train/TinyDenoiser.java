package org.loupe.tensorflow.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.tensorflow.ImageTensors;
import org.loupe.tensorflow.ModelSidecar;
import org.loupe.testing.SyntheticImages;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A two-layer residual denoiser (217 weights, receptive radius 2) trained with L1 + focal frequency + wavelet loss:
 * small enough to train in a second, real enough to exercise the whole engine.
 */
final class TinyDenoiser implements AutoCloseable {

    static final int PATCH = 16;
    static final float NOISE = 0.08f;

    final Graph graph = new Graph();
    final Ops tf = Ops.create(graph);
    final Network net;
    final Placeholder<TFloat32> input;
    final Placeholder<TFloat32> target;
    final ModelDefinition definition;
    final Operand<TFloat32> output;
    final Operand<TFloat32> loss;
    final AdamOptimizer adam;
    final Session session;

    TinyDenoiser(long seed, float clipNorm) {
        this(seed, clipNorm, Init.he());
    }

    /** With {@code Init.constant(0)} for {@code last} the untrained network is the identity. */
    TinyDenoiser(long seed, float clipNorm, Init last) {
        net = new Network(tf, seed);
        input = tf.withName("image").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
        target = tf.withName("clean").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
        definition = (n, x, training) -> n.tf().math.add(x, n.conv("conv2", n.relu(n.conv("conv1", x, 1, 8, 3, 1,
                true, Init.he())), 8, 1, 3, 1, true, last));
        output = definition.build(net, input, true);
        loss = tf.math.add(Losses.l1(tf, output, target), tf.math.add(
                tf.math.mul(tf.constant(0.1f), Losses.focalFrequency(tf, output, target, 1f)),
                tf.math.mul(tf.constant(0.1f), Losses.waveletHighFrequency(tf, output, target, 1, 2))));
        adam = new AdamOptimizer(graph, tf, loss, net.trainableVariables(), clipNorm, net.updates());
        session = new Session(graph);
        session.initialize();
    }

    TrainingLoop.Setup setup() {
        return new TrainingLoop.Setup(session, input, target, loss, loss, null, adam);
    }

    static ModelSidecar sidecar(int tile, int overlap) {
        return new ModelSidecar("test.tiny-denoiser", "1", "A two-layer test denoiser.", "image", "restored", 1, 1,
                tile, overlap, Map.of("steps", 60), Map.of("validation L1", 0.01));
    }

    /** Noisy/clean pairs made from seeded synthetic scenes. */
    static List<PatchSampler.Pair> pairs(int count, int size, long seed) {
        List<PatchSampler.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PixelImage clean = SyntheticImages.scene(ImageType.GRAY_F32, size, size, seed + i);
            pairs.add(new PatchSampler.Pair(noisy(clean, seed + 1000 + i), clean));
        }
        return pairs;
    }

    static PixelImage noisy(PixelImage clean, long seed) {
        PixelImage out = clean.copy();
        SplittableRandom r = new SplittableRandom(seed);
        for (int y = 0; y < out.height(); y++) {
            for (int x = 0; x < out.width(); x++) {
                out.setFloat(x, y, 0, out.getFloat(x, y, 0) + (float) (NOISE * r.nextGaussian()));
            }
        }
        return out;
    }

    static PatchSampler sampler(long seed) {
        return new PatchSampler(pairs(3, 48, seed), PATCH, 1, 8, 1, 1,
                new PatchSampler.Augmentation(true, 1, 0.75), seed);
    }

    /** Every variable's values by name. */
    Map<String, float[]> weights() {
        return new TreeMap<>(net.values(session));
    }

    /** The network's output for one image, straight from the training session. */
    float[] infer(PixelImage image) {
        try (TFloat32 x = ImageTensors.toTensor(image, 1);
                Result r = session.runner().feed(input, x).fetch(output).run()) {
            return ImageTensors.values((TFloat32) r.get(0));
        }
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
