package org.loupe.detect.yolo.internal;

import org.loupe.tensorflow.train.Init;
import org.loupe.tensorflow.train.ModelDefinition;
import org.loupe.tensorflow.train.Network;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The one-stage detector's network, anchor-free in the manner of FCOS: a small convolutional backbone to 1/8 and
 * 1/16 of the image, a feature-pyramid step that brings the 1/16 features back to 1/8 and adds them to the 1/8 ones,
 * and a head that predicts for every cell of the 1/8 grid an objectness logit, one logit per class and the four
 * distances from the cell's centre to the box's left, top, right and bottom edges (as logarithms of cell widths).
 * Grey images in, [N, H/8, W/8, 1 + classes + 4] out; H and W must be multiples of {@value #ALIGN}.
 */
final class GridNetwork implements ModelDefinition {

    /** The grid's cell, in pixels. */
    static final int STRIDE = 8;
    /** Input sides must be multiples of this (the deepest features are at 1/16). */
    static final int ALIGN = 16;

    private final int classes;

    GridNetwork(int classes) {
        this.classes = classes;
    }

    /** Values per cell of the output. */
    int outputs() {
        return 1 + classes + 4;
    }

    @Override
    public Operand<TFloat32> build(Network net, Operand<TFloat32> input, boolean training) {
        Operand<TFloat32> x = net.maxPool(conv(net, "c1", input, 1, 16, 3), 2, 2);
        x = net.maxPool(conv(net, "c2", x, 16, 32, 3), 2, 2);
        Operand<TFloat32> p3 = net.maxPool(conv(net, "c3b", conv(net, "c3", x, 32, 64, 3), 64, 64, 3), 2, 2);
        Operand<TFloat32> p4 = conv(net, "c4b", net.maxPool(conv(net, "c4", p3, 64, 128, 3), 2, 2), 128, 128, 3);
        Operand<TFloat32> top = net.upsampleBilinear(net.conv("top", p4, 128, 64, 1, 1, true, Init.he()), 2);
        Operand<TFloat32> lateral = net.conv("lateral", p3, 64, 64, 1, 1, true, Init.he());
        Operand<TFloat32> f = conv(net, "fuse", net.tf().math.add(lateral, top), 64, 64, 3);
        Operand<TFloat32> h = conv(net, "head", f, 64, 64, 3);
        return net.conv("out", h, 64, outputs(), 1, 1, true, Init.lecunUniform());
    }

    private static Operand<TFloat32> conv(Network net, String name, Operand<TFloat32> x, int in, int out, int k) {
        return net.relu(net.conv(name, x, in, out, k, 1, true, Init.he()));
    }
}
