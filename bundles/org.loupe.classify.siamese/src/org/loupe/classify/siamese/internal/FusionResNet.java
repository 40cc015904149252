package org.loupe.classify.siamese.internal;

import java.util.ArrayList;
import java.util.List;
import org.loupe.tensorflow.train.Init;
import org.loupe.tensorflow.train.ModelDefinition;
import org.loupe.tensorflow.train.Network;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The feature-fusion residual network of Dai et al.: a ResNet backbone (18 and 34 with basic blocks, 50 with
 * bottlenecks) whose four stage outputs are max-pooled over the whole patch and concatenated with the final
 * semantic features (the last stage, average-pooled), then two fully connected layers down to an L2-normalised
 * embedding. Batch normalisation after every convolution, as in ResNet.
 *
 * @param depth  18, 34 or 50
 * @param width  channels of the first stage (64 in ResNet; smaller here to fit a 2-core CPU)
 * @param dim    embedding dimension
 * @param scales which of the four stage outputs join the fusion
 */
record FusionResNet(int depth, int width, int dim, boolean[] scales) implements ModelDefinition {

    /** Units of the hidden fully connected layer. */
    static final int HIDDEN = 128;

    /** Checks the depth. */
    FusionResNet {
        if (depth != 18 && depth != 34 && depth != 50) {
            throw new IllegalArgumentException("depth must be 18, 34 or 50, got " + depth);
        }
        scales = scales.clone();
    }

    private int[] blocks() {
        return depth == 18 ? new int[] {2, 2, 2, 2} : new int[] {3, 4, 6, 3};
    }

    private boolean bottleneck() {
        return depth == 50;
    }

    /** Channels a stage puts out. */
    private int channels(int stage) {
        return width << stage << (bottleneck() ? 2 : 0);
    }

    @Override
    public Operand<TFloat32> build(Network net, Operand<TFloat32> input, boolean training) {
        Ops tf = net.tf();
        // the stem halves the patch, as ResNet's does, so the four stages see 1/2 .. 1/16 of it
        Operand<TFloat32> x = net.relu(net.batchNorm("stem/bn", net.conv("stem/conv", input, 1, width, 3, 2, false,
                Init.he()), width, training));
        int in = width;
        List<Operand<TFloat32>> fused = new ArrayList<>();
        int fusedWidth = 0;
        for (int s = 0; s < 4; s++) {
            for (int b = 0; b < blocks()[s]; b++) {
                int stride = s > 0 && b == 0 ? 2 : 1;
                String name = "stage" + (s + 1) + "/block" + (b + 1);
                x = bottleneck() ? bottleneckBlock(net, name, x, in, width << s, stride, training)
                        : basicBlock(net, name, x, in, channels(s), stride, training);
                in = channels(s);
            }
            if (scales[s]) {
                fused.add(tf.reduceMax(x, tf.constant(new int[] {1, 2})));
                fusedWidth += in;
            }
        }
        fused.add(net.globalAveragePool(x));
        fusedWidth += in;
        Operand<TFloat32> f = fused.size() == 1 ? fused.get(0) : tf.concat(fused, tf.constant(1));
        Operand<TFloat32> h = net.relu(net.dense("fc1", f, fusedWidth, HIDDEN, true, Init.he()));
        return net.l2Normalize(net.dense("fc2", h, HIDDEN, dim, true, Init.lecunUniform()));
    }

    private static Operand<TFloat32> basicBlock(Network net, String name, Operand<TFloat32> x, int in, int out,
            int stride, boolean training) {
        Operand<TFloat32> h = net.relu(bn(net, name + "/bn1", net.conv(name + "/conv1", x, in, out, 3, stride, false,
                Init.he()), out, training));
        h = bn(net, name + "/bn2", net.conv(name + "/conv2", h, out, out, 3, 1, false, Init.he()), out, training);
        return net.relu(net.tf().math.add(h, shortcut(net, name, x, in, out, stride, training)));
    }

    private static Operand<TFloat32> bottleneckBlock(Network net, String name, Operand<TFloat32> x, int in, int mid,
            int stride, boolean training) {
        int out = 4 * mid;
        Operand<TFloat32> h = net.relu(bn(net, name + "/bn1", net.conv(name + "/conv1", x, in, mid, 1, 1, false,
                Init.he()), mid, training));
        h = net.relu(bn(net, name + "/bn2", net.conv(name + "/conv2", h, mid, mid, 3, stride, false, Init.he()), mid,
                training));
        h = bn(net, name + "/bn3", net.conv(name + "/conv3", h, mid, out, 1, 1, false, Init.he()), out, training);
        return net.relu(net.tf().math.add(h, shortcut(net, name, x, in, out, stride, training)));
    }

    /** Identity, or a strided 1x1 projection where the block changes size or width. */
    private static Operand<TFloat32> shortcut(Network net, String name, Operand<TFloat32> x, int in, int out,
            int stride, boolean training) {
        if (stride == 1 && in == out) {
            return x;
        }
        return bn(net, name + "/proj_bn", net.conv(name + "/proj", x, in, out, 1, stride, false, Init.he()), out,
                training);
    }

    private static Operand<TFloat32> bn(Network net, String name, Operand<TFloat32> x, int channels,
            boolean training) {
        return net.batchNorm(name, x, channels, training);
    }
}
