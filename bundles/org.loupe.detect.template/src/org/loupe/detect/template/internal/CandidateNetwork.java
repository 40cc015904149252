package org.loupe.detect.template.internal;

import org.loupe.tensorflow.train.Init;
import org.loupe.tensorflow.train.ModelDefinition;
import org.loupe.tensorflow.train.Network;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The candidate classifier: three 3x3 convolution + 2x2 max-pooling stages (16, 32, 64 channels) on a
 * {@value CandidateCrops#SIDE}-pixel crop of board and template, a hidden layer of 128, and an output row of
 * {@value #CLASSES} class logits (background first, then DeepPCB's six types in their order) followed by
 * {@value #BOX} box coordinates relative to the crop window (x1, y1, x2, y2 as fractions of its side).
 */
final class CandidateNetwork implements ModelDefinition {

    /** Background plus the six defect types. */
    static final int CLASSES = 7;
    /** Box coordinates per row. */
    static final int BOX = 4;
    /** Values per output row. */
    static final int OUTPUTS = CLASSES + BOX;

    @Override
    public Operand<TFloat32> build(Network net, Operand<TFloat32> input, boolean training) {
        Operand<TFloat32> x = input;
        int in = CandidateCrops.CHANNELS;
        int[] widths = {16, 32, 64};
        for (int i = 0; i < widths.length; i++) {
            x = net.maxPool(net.relu(net.conv("conv" + (i + 1), x, in, widths[i], 3, 1, true, Init.he())), 2, 2);
            in = widths[i];
        }
        int side = CandidateCrops.SIDE / 8;
        int flat = side * side * in;
        x = net.tf().reshape(x, net.tf().constant(new int[] {-1, flat}));
        x = net.relu(net.dense("hidden", x, flat, 128, true, Init.he()));
        return net.dense("out", x, 128, OUTPUTS, true, Init.lecunUniform());
    }
}
