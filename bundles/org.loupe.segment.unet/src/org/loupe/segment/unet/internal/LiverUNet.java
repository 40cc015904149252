package org.loupe.segment.unet.internal;

import java.util.ArrayList;
import java.util.List;
import org.loupe.tensorflow.train.Init;
import org.loupe.tensorflow.train.ModelDefinition;
import org.loupe.tensorflow.train.Network;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A small 2-D U-Net (Ronneberger, Fischer and Brox 2015) for the liver on an axial slice: four levels of two 3x3
 * convolutions with batch normalisation (16, 32, 48 and 64 channels, halved by 2x2 max pooling down to 8x8 at the
 * bottom of a 128x128 grid, where the receptive field spans the whole slice, as telling the liver from the spleen of
 * the same density needs), then back up by bilinear enlargement, each level joined with the encoder's features of
 * its size and two convolutions, and a 1x1 convolution to the liver's logit per grid cell.
 */
final class LiverUNet implements ModelDefinition {

    /** Channels per level, finest first. */
    static final int[] WIDTHS = {16, 32, 48, 64};

    @Override
    public Operand<TFloat32> build(Network net, Operand<TFloat32> input, boolean training) {
        List<Operand<TFloat32>> skips = new ArrayList<>();
        Operand<TFloat32> x = input;
        int in = 1;
        for (int level = 0; level < WIDTHS.length; level++) {
            x = twice(net, "down" + level, x, in, WIDTHS[level], training);
            skips.add(x);
            x = net.maxPool(x, 2, 2);
            in = WIDTHS[level];
        }
        int bottom = WIDTHS[WIDTHS.length - 1];
        x = twice(net, "bottom", x, in, bottom, training);
        in = bottom;
        for (int level = WIDTHS.length - 1; level >= 0; level--) {
            x = net.tf().concat(List.of(net.upsampleBilinear(x, 2), skips.get(level)), net.tf().constant(3));
            x = twice(net, "up" + level, x, in + WIDTHS[level], WIDTHS[level], training);
            in = WIDTHS[level];
        }
        return net.conv("logit", x, in, 1, 1, 1, true, Init.lecunUniform());
    }

    private static Operand<TFloat32> twice(Network net, String name, Operand<TFloat32> x, int in, int out,
            boolean training) {
        return unit(net, name + "/b", unit(net, name + "/a", x, in, out, training), out, out, training);
    }

    private static Operand<TFloat32> unit(Network net, String name, Operand<TFloat32> x, int in, int out,
            boolean training) {
        return net.relu(net.batchNorm(name + "/bn", net.conv(name + "/conv", x, in, out, 3, 1, false, Init.he()),
                out, training));
    }
}
