package org.loupe.detect.yolo.internal;

import org.loupe.detect.learned.PyramidBackbone;
import org.loupe.tensorflow.train.Init;
import org.loupe.tensorflow.train.ModelDefinition;
import org.loupe.tensorflow.train.Network;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The one-stage detector's network, anchor-free in the manner of FCOS: the {@link PyramidBackbone} and a head that
 * predicts for every cell of the 1/8 grid an objectness logit, one logit per class and the four
 * distances from the cell's centre to the box's left, top, right and bottom edges (as logarithms of cell widths).
 * Grey images in, [N, H/8, W/8, 1 + classes + 4] out; H and W must be multiples of {@value PyramidBackbone#ALIGN}.
 */
final class GridNetwork implements ModelDefinition {

    /** The grid's cell, in pixels. */
    static final int STRIDE = PyramidBackbone.STRIDE;

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
        Operand<TFloat32> h = PyramidBackbone.conv(net, "head", PyramidBackbone.features(net, input, training),
                PyramidBackbone.CHANNELS, 64);
        return net.conv("out", h, 64, outputs(), 1, 1, true, Init.lecunUniform());
    }
}
