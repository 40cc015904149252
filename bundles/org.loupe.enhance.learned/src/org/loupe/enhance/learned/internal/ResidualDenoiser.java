package org.loupe.enhance.learned.internal;

import org.loupe.tensorflow.train.Init;
import org.loupe.tensorflow.train.ModelDefinition;
import org.loupe.tensorflow.train.Network;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A DnCNN-style residual denoiser (Zhang et al., IEEE TIP 2017): {@code depth} 3x3 convolutions, ReLU between them and
 * batch normalisation in the middle layers; the last layer estimates the noise, which is subtracted from the input.
 * Its receptive-field radius is {@code depth} pixels.
 *
 * @param channels  image channels
 * @param depth     convolution layers, at least 3
 * @param width     feature channels of the hidden layers
 * @param batchNorm whether the middle layers are batch-normalised (DnCNN's choice) or have biases instead
 */
record ResidualDenoiser(int channels, int depth, int width, boolean batchNorm) implements ModelDefinition {

    @Override
    public Operand<TFloat32> build(Network net, Operand<TFloat32> input, boolean training) {
        Operand<TFloat32> h = net.relu(net.conv("conv1", input, channels, width, 3, 1, true, Init.he()));
        for (int i = 2; i < depth; i++) {
            h = net.conv("conv" + i, h, width, width, 3, 1, !batchNorm, Init.he());
            if (batchNorm) {
                h = net.batchNorm("bn" + i, h, width, training);
            }
            h = net.relu(h);
        }
        Operand<TFloat32> noise = net.conv("conv" + depth, h, width, channels, 3, 1, true, Init.he());
        return net.tf().math.sub(input, noise);
    }

    /** Trainable weights, for the sidecar and the log. */
    long weights() {
        long w = 9L * channels * width + width;
        w += (depth - 2) * (9L * width * width + (batchNorm ? 2L * width : width));
        return w + 9L * width * channels + channels;
    }
}
