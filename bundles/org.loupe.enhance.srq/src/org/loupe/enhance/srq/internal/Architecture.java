package org.loupe.enhance.srq.internal;

import java.util.List;
import java.util.SplittableRandom;
import org.loupe.tensorflow.train.Init;
import org.loupe.tensorflow.train.ModelDefinition;
import org.loupe.tensorflow.train.Network;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The x2 super-resolution CNN of Kim and Lee (after Kim, Choi and Kim's FPGA network): a 3x3 convolution, five
 * depthwise-separable convolutions (a 3x3 depthwise filter then a 1x1 pointwise one) with a residual connection, and
 * a pixel shuffle, all on the low-resolution luma, with no biases. The network predicts the residual over bicubic
 * interpolation; 2,496 weights, receptive-field radius 6 low-resolution pixels.
 *
 * <p>Both the TensorFlow graph (for training) and the Java engines (for inference) are built from {@link #LAYERS},
 * so they cannot drift apart.
 */
final class Architecture implements ModelDefinition {

    /** The upscaling factor. */
    static final int SCALE = 2;

    /** The kinds of layer. */
    enum Kind {
        /** A full convolution, {@code in x out} kernels of {@code k x k}. */
        CONV,
        /** One {@code k x k} kernel per channel ({@code in == out}). */
        DEPTHWISE
    }

    /**
     * One layer. Kernels are stored as TensorFlow lays them out: {@code [ky][kx][in][out]} for {@link Kind#CONV},
     * {@code [ky][kx][channel]} for {@link Kind#DEPTHWISE}.
     *
     * @param skipFrom index of an earlier layer whose output is added to this one's before the ReLU, or -1
     */
    record Layer(String name, Kind kind, int k, int in, int out, boolean relu, int skipFrom) {

        /** Weights of the layer. */
        int weights() {
            return kind == Kind.CONV ? k * k * in * out : k * k * in;
        }
    }

    /** The layers in order; the last one's four channels are the four sub-pixel phases of the residual. */
    static final List<Layer> LAYERS = List.of(
            new Layer("conv1", Kind.CONV, 3, 1, 32, true, -1),
            new Layer("dw2", Kind.DEPTHWISE, 3, 32, 32, false, -1),
            new Layer("pw2", Kind.CONV, 1, 32, 16, true, -1),
            new Layer("dw3", Kind.DEPTHWISE, 3, 16, 16, false, -1),
            new Layer("pw3", Kind.CONV, 1, 16, 16, true, -1),
            new Layer("dw4", Kind.DEPTHWISE, 3, 16, 16, false, -1),
            new Layer("pw4", Kind.CONV, 1, 16, 16, true, 2),
            new Layer("dw5", Kind.DEPTHWISE, 3, 16, 16, false, -1),
            new Layer("pw5", Kind.CONV, 1, 16, 16, true, -1),
            new Layer("dw6", Kind.DEPTHWISE, 3, 16, 16, false, -1),
            new Layer("pw6", Kind.CONV, 1, 16, SCALE * SCALE, false, -1));

    /** Low-resolution pixels each output depends on in every direction (one per 3x3 layer). */
    static final int RADIUS = (int) LAYERS.stream().filter(l -> l.k() == 3).count();

    /** Weights of the whole network. */
    static int weightCount() {
        return LAYERS.stream().mapToInt(Layer::weights).sum();
    }

    /** The variable name under which a layer's kernel is trained and stored. */
    static String kernelName(Layer layer) {
        return layer.name() + "/kernel";
    }

    @Override
    public Operand<TFloat32> build(Network net, Operand<TFloat32> input, boolean training) {
        Operand<TFloat32>[] outputs = newArray(LAYERS.size());
        Operand<TFloat32> h = input;
        for (int i = 0; i < LAYERS.size(); i++) {
            Layer l = LAYERS.get(i);
            // the last layer starts near zero, so the untrained network already outputs plain bicubic
            Init init = uniformHe(i == LAYERS.size() - 1 ? 0.1 : 1);
            h = l.kind() == Kind.CONV ? net.conv(l.name(), h, l.in(), l.out(), l.k(), 1, false, init)
                    : net.depthwiseConv(l.name(), h, l.in(), l.k(), l.k(), init);
            if (l.skipFrom() >= 0) {
                h = net.tf().math.add(h, outputs[l.skipFrom()]);
            }
            if (l.relu()) {
                h = net.relu(h);
            }
            outputs[i] = h;
        }
        return net.pixelShuffle(h, SCALE);
    }

    /** Uniform in +-gain sqrt(6 / fan-in) (He et al.'s variance, the paper's uniform distribution). */
    private static Init uniformHe(double gain) {
        return (values, fanIn, random) -> {
            double limit = gain * Math.sqrt(6.0 / fanIn);
            SplittableRandom r = random;
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((r.nextDouble() * 2 - 1) * limit);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Operand<TFloat32>[] newArray(int n) {
        return new Operand[n];
    }
}
