package org.loupe.detect.learned;

import org.loupe.image.FloatImages;
import org.loupe.image.GrayF32;
import org.loupe.image.PixelImage;
import org.loupe.tensorflow.train.Init;
import org.loupe.tensorflow.train.Network;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The learned detectors' backbone: 3x3 convolutions with max pooling to 1/8 and 1/16 of the image (16, 32, 64, 64,
 * 128, 128 channels) and one feature-pyramid step, the 1/16 features enlarged and added to the 1/8 ones, giving
 * {@value #CHANNELS} channels at stride {@value #STRIDE}: fine enough for DeepPCB's 20-pixel defects, with a
 * receptive field of about 100 pixels. Grey images in; H and W must be multiples of {@value #ALIGN}.
 */
public final class PyramidBackbone {

    /** The features' cell, in pixels. */
    public static final int STRIDE = 8;
    /** Input sides must be multiples of this (the deepest features are at 1/16). */
    public static final int ALIGN = 16;
    /** Channels of the features. */
    public static final int CHANNELS = 64;

    /** An image as the network takes it: grey values in [0, 1], zero-padded to multiples of {@value #ALIGN}. */
    public record Padded(float[] grey, int width, int height) {
    }

    private PyramidBackbone() {
    }

    /** The features, [N, H/8, W/8, {@value #CHANNELS}], in a graph TensorFlow can differentiate. */
    public static Operand<TFloat32> features(Network net, Operand<TFloat32> input) {
        return features(net, input, true);
    }

    /** The features, built for training (differentiable) or for inference (the same values, faster). */
    public static Operand<TFloat32> features(Network net, Operand<TFloat32> input, boolean training) {
        Operand<TFloat32> x = PooledConv.apply(net, "c1", input, 1, 16, training);
        x = net.maxPool(conv(net, "c2", x, 16, 32), 2, 2);
        Operand<TFloat32> p3 = net.maxPool(conv(net, "c3b", conv(net, "c3", x, 32, 64), 64, 64), 2, 2);
        Operand<TFloat32> p4 = conv(net, "c4b", net.maxPool(conv(net, "c4", p3, 64, 128), 2, 2), 128, 128);
        Operand<TFloat32> top = net.upsampleBilinear(net.conv("top", p4, 128, CHANNELS, 1, 1, true, Init.he()), 2);
        Operand<TFloat32> lateral = net.conv("lateral", p3, 64, CHANNELS, 1, 1, true, Init.he());
        return conv(net, "fuse", net.tf().math.add(lateral, top), CHANNELS, CHANNELS);
    }

    /** A 3x3 convolution with bias and ReLU. */
    public static Operand<TFloat32> conv(Network net, String name, Operand<TFloat32> x, int in, int out) {
        return net.relu(net.conv(name, x, in, out, 3, 1, true, Init.he()));
    }

    /** The image's brightness, padded with zeros to multiples of {@value #ALIGN}. */
    public static Padded pad(PixelImage image) {
        int w = image.width();
        int h = image.height();
        int pw = (w + ALIGN - 1) / ALIGN * ALIGN;
        int ph = (h + ALIGN - 1) / ALIGN * ALIGN;
        GrayF32 grey = FloatImages.brightness(image);
        float[] in = new float[pw * ph];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                in[y * pw + x] = grey.get(x, y);
            }
        }
        return new Padded(in, pw, ph);
    }
}
