package org.loupe.enhance.xray.internal;

import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.GrayF32;
import org.loupe.numerics.resample.Interpolation;
import org.loupe.numerics.resample.Resize;
import org.loupe.tensorflow.train.Init;
import org.loupe.tensorflow.train.ModelDefinition;
import org.loupe.tensorflow.train.Network;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The enhancement framework of Shim, Kim et al.: a denoising module that encodes the low-dose frame into a feature
 * map of {@code z} channels at a quarter of its size (z much larger than the one image channel), then a
 * super-resolution module built on fractal residual learning (the FRL network of NatSR, without its discriminator)
 * that brings it back to full size with a pixel shuffle. Without the denoising module the network is the same
 * super-resolution module fed a frame shrunk by {@code factor} with bicubic interpolation (the "bicubic" settings and
 * the downsampling ablation; factor 1 means no downsampling at all). Both add their output to the low-pass frame
 * (the input averaged over factor x factor blocks, or the shrunk input, enlarged bilinearly): a global residual, our
 * addition, which lets the short CPU trainings here start from a denoised frame instead of from nothing.
 *
 * <p>Fractal residual learning: {@code FRL_0(x) = x + 0.1 conv(relu(conv(x)))}, a residual block, and
 * {@code FRL_k(x) = x + FRL_(k-1)(FRL_(k-1)(x))}, residual connections nested at every scale of the block tree.
 *
 * @param denoisingModule whether the learned encoder (factor 4) replaces bicubic downsampling
 * @param factor          downsampling factor of the input: 4 with the denoising module; 1, 2 or 4 without
 * @param width           feature channels of the super-resolution module
 * @param z               channels of the encoded feature map
 * @param depth           fractal depth: 2^depth residual blocks
 */
record XrayNetwork(boolean denoisingModule, int factor, int width, int z, int depth) implements ModelDefinition {

    /** Checks the combination. */
    XrayNetwork {
        if (denoisingModule ? factor != 4 : factor != 1 && factor != 2 && factor != 4) {
            throw new IllegalArgumentException("the denoising module downsamples by 4; bicubic by 1, 2 or 4");
        }
        if (width < 1 || z < 1 || depth < 0 || depth > 6) {
            throw new IllegalArgumentException("invalid network size");
        }
    }

    @Override
    public Operand<TFloat32> build(Network net, Operand<TFloat32> input, boolean training) {
        Operand<TFloat32> h;
        if (denoisingModule) {
            h = net.relu(net.conv("dm/conv1", input, 1, width, 3, 1, true, Init.he()));
            h = net.relu(net.conv("dm/down1", h, width, 2 * width, 3, 2, true, Init.he()));
            h = net.relu(net.conv("dm/down2", h, 2 * width, z, 3, 2, true, Init.he()));
            h = net.conv("sr/head", h, z, width, 1, 1, true, Init.he());
        } else {
            h = net.conv("sr/head", input, 1, width, 3, 1, true, Init.he());
        }
        h = frl(net, "sr/frl", h, depth);
        h = net.relu(net.conv("sr/body", h, width, width, 3, 1, true, Init.he()));
        // a near-zero start makes the untrained network output the low-pass frame; a full-scale start puts large
        // errors through every ReLU in the first steps and leaves most of them dead (the output stuck at the base)
        Operand<TFloat32> detail = net.conv("sr/tail", h, width, factor * factor, 3, 1, true, scaledHe(0.01));
        if (factor > 1) {
            detail = net.pixelShuffle(detail, factor);
        }
        // global residual over the low-pass frame: the block average (DM) or the shrunk input, enlarged again
        Operand<TFloat32> low = denoisingModule ? net.avgPool(input, factor, factor) : input;
        Operand<TFloat32> base = factor == 1 ? low : net.upsampleBilinear(low, factor);
        return net.tf().math.add(base, detail);
    }

    private Operand<TFloat32> frl(Network net, String name, Operand<TFloat32> x, int level) {
        if (level == 0) {
            // residual scaling (EDSR): nested skips add up the branches' variance, so each branch starts small
            Operand<TFloat32> h = net.relu(net.conv(name + "/conv1", x, width, width, 3, 1, true, Init.he()));
            h = net.conv(name + "/conv2", h, width, width, 3, 1, true, Init.he());
            return net.tf().math.add(x, net.tf().math.mul(h, net.tf().constant(0.1f)));
        }
        Operand<TFloat32> inner = frl(net, name + "a", frl(net, name + "b", x, level - 1), level - 1);
        return net.tf().math.add(x, inner);
    }

    /** He initialisation scaled by {@code gain}. */
    private static Init scaledHe(double gain) {
        return (values, fanIn, random) -> {
            Init.he().fill(values, fanIn, random);
            for (int i = 0; i < values.length; i++) {
                values[i] *= (float) gain;
            }
        };
    }

    /** Input pixels each output pixel depends on in every direction (for the tile overlap). */
    int receptiveRadius() {
        int lowResolution = 2 * (1 << depth) + 2 + (denoisingModule ? 0 : 1);
        // the encoder's three 3x3 convolutions at full, half and quarter size; else the bicubic kernel
        return factor * lowResolution + (denoisingModule ? 1 + 2 + 4 : 2 * factor);
    }

    /** A frame shrunk by {@code factor} with MATLAB's antialiased bicubic filter: the bicubic settings' input. */
    static GrayF32 shrink(GrayF32 frame, int factor) {
        try {
            return ((GrayF32) Resize.byScale(frame, 1.0 / factor, Interpolation.BICUBIC, ProcessingContext.none()))
                    .copy();
        } catch (LoupeException e) {
            throw new IllegalStateException("shrinking a frame failed", e);
        }
    }

    /** What the settings of Table I call it. */
    String setting() {
        return denoisingModule ? "DM" : "bicubic x" + factor;
    }
}
