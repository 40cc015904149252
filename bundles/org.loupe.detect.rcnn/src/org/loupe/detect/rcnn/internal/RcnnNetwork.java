package org.loupe.detect.rcnn.internal;

import java.util.List;
import org.loupe.detect.learned.PyramidBackbone;
import org.loupe.tensorflow.train.Init;
import org.loupe.tensorflow.train.ModelDefinition;
import org.loupe.tensorflow.train.Network;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The two-stage detector's networks, which share one set of weights. The first stage is the
 * {@link PyramidBackbone} and a region proposal network: a 3x3 convolution, then per cell and anchor an objectness
 * logit and four box-code values; its output concatenates the features with them, [N, H/8, W/8, 64 + 5A] (A =
 * {@value Anchors#PER_CELL}). The second stage takes RoIAligned regions, [K, 7, 7, 64], through two fully connected
 * layers of {@value #HIDDEN} to one logit per class plus background and one class-agnostic box code: [K, 1 + C + 4].
 */
final class RcnnNetwork {

    /** Width of the second stage's hidden layers. */
    static final int HIDDEN = 128;

    private final int classes;

    RcnnNetwork(int classes) {
        this.classes = classes;
    }

    /** Channels of the first stage's output. */
    static int firstStageChannels() {
        return PyramidBackbone.CHANNELS + 5 * Anchors.PER_CELL;
    }

    /** Values per region of the second stage's output. */
    int headOutputs() {
        return 1 + classes + 4;
    }

    /** The first stage as a model: image in, features and proposals out. */
    ModelDefinition proposals() {
        return (net, input, training) -> {
            Operand<TFloat32> f = PyramidBackbone.features(net, input, training);
            Operand<TFloat32> r = PyramidBackbone.conv(net, "rpn", f, PyramidBackbone.CHANNELS, 64);
            Operand<TFloat32> objectness = net.conv("rpn_obj", r, 64, Anchors.PER_CELL, 1, 1, true,
                    Init.lecunUniform());
            Operand<TFloat32> codes = net.conv("rpn_box", r, 64, 4 * Anchors.PER_CELL, 1, 1, true,
                    Init.lecunUniform());
            return net.tf().concat(List.of(f, objectness, codes), net.tf().constant(3));
        };
    }

    /** The second stage as a model: regions' features in, class logits and box codes out. */
    ModelDefinition head() {
        return (net, input, training) -> {
            Ops tf = net.tf();
            int in = RoiAlign.BINS * RoiAlign.BINS * PyramidBackbone.CHANNELS;
            Operand<TFloat32> x = tf.reshape(input, tf.constant(new int[] {-1, in}));
            x = net.relu(net.dense("fc1", x, in, HIDDEN, true, Init.he()));
            x = net.relu(net.dense("fc2", x, HIDDEN, HIDDEN, true, Init.he()));
            Operand<TFloat32> logits = net.dense("cls", x, HIDDEN, 1 + classes, true, Init.lecunUniform());
            Operand<TFloat32> codes = net.dense("box", x, HIDDEN, 4, true, Init.lecunUniform());
            return tf.concat(List.of(logits, codes), tf.constant(1));
        };
    }
}
