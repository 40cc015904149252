package org.loupe.classify.lesion.internal;

import java.util.ArrayList;
import java.util.List;
import org.loupe.data.ct.LesionPatches;
import org.loupe.tensorflow.train.Init;
import org.loupe.tensorflow.train.ModelDefinition;
import org.loupe.tensorflow.train.Network;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TFloat32;

/**
 * A compact Inception-ResNet (Szegedy et al. 2017) for 32x32 lesion patches: a stem, two Inception-ResNet blocks
 * at 16x16 (parallel 1x1, 3x3 and double-3x3 branches, joined by a 1x1 convolution and added to the block's input),
 * a reduction to 8x8, one block there, and a 1x1 convolution to one score map per class. The class score is the
 * map's mean. Because the head is global average pooling after a linear layer, Grad-CAM's channel weights are that
 * layer's weights and the Grad-CAM of a class is its score map (rectified): the exported model hands the maps out
 * directly, upsampled to the patch, together with each class score's gradient with respect to the input pixels, so
 * one run gives the decision and both explanations. The input has one channel per slice the model reads: 1 (the
 * candidate's largest slice) or {@link LesionPatches#STACK_SLICES} (that slice and its neighbours).
 *
 * <p>A model of several members (networks trained alike from other seeds) averages their score maps: its class scores
 * are the members' mean scores, and its maps and gradients are those of that mean, so an ensemble explains itself
 * the way one network does. Member {@code m}'s variables are named {@code m<m>/...}.
 */
final class LesionNet implements ModelDefinition {

    /** Classes in output order. */
    static final List<String> CLASSES = List.of("tumour", "cyst", "normal");
    /** Stem width; every convolution has at least 16 channels (narrower ones crash oneDNN, see SiameseTrainer). */
    static final int WIDTH = 32;

    private final int slices;
    private final int members;

    /** A network reading {@code slices} neighbouring slices (1 or {@link LesionPatches#STACK_SLICES}). */
    LesionNet(int slices) {
        this(slices, 1);
    }

    /** The mean of {@code members} such networks (one: a plain network, its variables unprefixed). */
    LesionNet(int slices, int members) {
        if (slices != 1 && slices != LesionPatches.STACK_SLICES) {
            throw new IllegalArgumentException("reads 1 or " + LesionPatches.STACK_SLICES + " slices, not " + slices);
        }
        if (members < 1) {
            throw new IllegalArgumentException("needs at least one member, not " + members);
        }
        this.slices = slices;
        this.members = members;
    }

    /** The name member {@code m} (from 1) of an ensemble gives the variable a single network calls {@code name}. */
    static String memberName(int m, String name) {
        return "m" + m + "/" + name;
    }

    /** Slices read, the input's channels. */
    int slices() {
        return slices;
    }

    /** The per-class score maps, [N, 8, 8, classes] (the members' mean): what training and export share. */
    Operand<TFloat32> maps(Network net, Operand<TFloat32> input, boolean training) {
        if (members == 1) {
            return maps(net, "", input, training);
        }
        Operand<TFloat32> sum = maps(net, memberName(1, ""), input, training);
        for (int m = 2; m <= members; m++) {
            sum = net.tf().math.add(sum, maps(net, memberName(m, ""), input, training));
        }
        return net.tf().math.mul(sum, net.tf().constant(1f / members));
    }

    private Operand<TFloat32> maps(Network net, String prefix, Operand<TFloat32> input, boolean training) {
        Operand<TFloat32> x = unit(net, prefix + "stem", input, slices, WIDTH, 3, 1, training);
        x = net.maxPool(x, 2, 2);
        x = block(net, prefix + "a1", x, WIDTH, training);
        x = block(net, prefix + "a2", x, WIDTH, training);
        Operand<TFloat32> down = unit(net, prefix + "reduce", x, WIDTH, WIDTH, 3, 2, training);
        x = net.tf().concat(List.of(net.maxPool(x, 2, 2), down), net.tf().constant(3));
        x = block(net, prefix + "b1", x, 2 * WIDTH, training);
        return net.conv(prefix + "head", x, 2 * WIDTH, CLASSES.size(), 1, 1, false, Init.lecunUniform());
    }

    /** Class scores, [N, classes]: the maps' means. */
    Operand<TFloat32> logits(Network net, Operand<TFloat32> input, boolean training) {
        return net.globalAveragePool(maps(net, input, training));
    }

    /**
     * The exported output, [N, 32, 32, 2 x classes]: channels 0..2 the score maps upsampled (nearest, so their mean
     * is still the score), channels 3..5 the gradient of each class score with respect to the input (its length
     * over the slices when there are several: the heat map is drawn on one slice).
     */
    @Override
    public Operand<TFloat32> build(Network net, Operand<TFloat32> input, boolean training) {
        Ops tf = net.tf();
        Operand<TFloat32> maps = maps(net, input, training);
        Operand<TFloat32> scores = net.globalAveragePool(maps);
        List<Operand<TFloat32>> parts = new ArrayList<>();
        parts.add(tf.image.resizeNearestNeighbor(maps, tf.constant(new int[] {LesionTensors.SIDE,
            LesionTensors.SIDE})));
        Graph graph = (Graph) tf.scope().env();
        List<Output<TFloat32>> columns = tf.unstack(scores, (long) CLASSES.size(), Unstack.axis(1L))
                .output();
        for (Output<TFloat32> column : columns) {
            // the patches of a batch are independent at inference, so the batch sum's gradient is each one's own
            Operand<TFloat32> total = tf.reduceSum(column, tf.constant(0));
            @SuppressWarnings("unchecked")
            Output<TFloat32> g = (Output<TFloat32>) graph.addGradients(total.asOutput(),
                    new Output<?>[] {input.asOutput()})[0];
            parts.add(slices == 1 ? g : tf.math.sqrt(tf.reduceSum(tf.math.square(g), tf.constant(3),
                    ReduceSum.keepDims(true))));
        }
        return tf.concat(parts, tf.constant(3));
    }

    private static Operand<TFloat32> unit(Network net, String name, Operand<TFloat32> x, int in, int out, int k,
            int stride, boolean training) {
        return net.relu(net.batchNorm(name + "/bn", net.conv(name + "/conv", x, in, out, k, stride, false,
                Init.he()), out, training));
    }

    /** An Inception-ResNet block of {@code c} channels, half of them in each branch. */
    private static Operand<TFloat32> block(Network net, String name, Operand<TFloat32> x, int c, boolean training) {
        int b = Math.max(16, c / 2);
        Operand<TFloat32> one = unit(net, name + "/1x1", x, c, b, 1, 1, training);
        Operand<TFloat32> three = unit(net, name + "/3x3", unit(net, name + "/3x3a", x, c, b, 1, 1, training), b, b,
                3, 1, training);
        Operand<TFloat32> five = unit(net, name + "/5x5b", unit(net, name + "/5x5a", unit(net, name + "/5x5", x, c,
                b, 1, 1, training), b, b, 3, 1, training), b, b, 3, 1, training);
        Operand<TFloat32> mixed = net.tf().concat(List.of(one, three, five), net.tf().constant(3));
        Operand<TFloat32> up = net.batchNorm(name + "/up/bn", net.conv(name + "/up", mixed, 3 * b, c, 1, 1, false,
                Init.he()), c, training);
        return net.relu(net.tf().math.add(x, up));
    }
}
