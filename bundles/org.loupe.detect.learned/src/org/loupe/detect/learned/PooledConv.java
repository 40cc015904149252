package org.loupe.detect.learned;

import java.util.List;
import org.loupe.tensorflow.train.Init;
import org.loupe.tensorflow.train.Network;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.Scope;
import org.tensorflow.types.TFloat32;

/**
 * A 3x3 convolution with bias and ReLU followed by 2x2 max pooling, computed at half resolution: one 4x4 convolution
 * of stride 2 gives the four pixels of every 2x2 block at once (four output channels per channel), and the pooling is
 * the maximum of those four. The result equals {@code maxPool(relu(conv(x)))} up to float rounding, with the same
 * variables, so a model's weights serve either form. Why: over a one-channel image at full resolution TensorFlow's
 * convolution and pooling run far below the CPU's speed (on a 640x640 board, on two AVX2 cores, they took 24 ms of
 * the detector's 70, for 2% of its multiply-adds); this form took 13 ms. Sides must be even.
 */
public final class PooledConv {

    /** Pixels of a 2x2 block. */
    private static final int BLOCK = 4;
    /** Taps of the 3x3 kernel. */
    private static final int TAPS = 9;
    /** Taps of the 4x4 kernel. */
    private static final int WIDE = 16;

    private PooledConv() {
    }

    /**
     * {@code maxPool(relu(conv(x) + b), 2, 2)}; variables {@code name/kernel} [3, 3, in, out] and name/bias. A
     * training graph computes it at full resolution, as before this class existed, so that training runs stay
     * reproducible (and TensorFlow cannot differentiate the pooling across channels the fast form uses; trained
     * either way, the two take the same time per step); an inference graph computes it blockwise.
     */
    public static Operand<TFloat32> apply(Network net, String name, Operand<TFloat32> x, int in, int out,
            boolean training) {
        if (training) {
            return net.maxPool(net.relu(net.conv(name, x, in, out, 3, 1, true, Init.he())), 2, 2);
        }
        Ops tf = net.tf();
        Operand<TFloat32> w = net.read(net.variable(name + "/kernel", new long[] {3, 3, in, out}, TAPS * in,
                Init.he(), true));
        Operand<TFloat32> b = net.read(net.variable(name + "/bias", new long[] {out}, 1, Init.constant(0), true));
        // [16 * 4, 9] x [9, in * out]: row (tap of the 4x4 kernel, pixel of the block)
        Operand<TFloat32> placed = tf.linalg.matMul(tf.constant(Shape.of(WIDE * BLOCK, TAPS),
                DataBuffers.of(placement(), true, false)), tf.reshape(w, tf.constant(new int[] {TAPS, in * out})));
        Operand<TFloat32> kernel = tf.reshape(tf.linalg.transpose(tf.reshape(placed,
                tf.constant(new int[] {WIDE, BLOCK, in, out})), tf.constant(new int[] {0, 2, 3, 1})),
                tf.constant(new int[] {4, 4, in, out * BLOCK}));
        // channel c * 4 + pixel: the bias of c, four times
        Operand<TFloat32> bias = tf.reshape(tf.linalg.matMul(tf.reshape(b, tf.constant(new int[] {out, 1})),
                tf.ones(tf.constant(new int[] {1, BLOCK}), TFloat32.class)), tf.constant(new int[] {out * BLOCK}));
        Operand<TFloat32> padded = tf.pad(x, tf.constant(new int[][] {{0, 0}, {1, 1}, {1, 1}, {0, 0}}),
                tf.constant(0f));
        Operand<TFloat32> y = tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(padded, kernel, List.of(1L, 2L, 2L, 1L),
                "VALID"), bias));
        Scope scope = tf.scope();
        // MaxPool across channels; TensorFlow Java only builds MaxPoolV2, which runs this a quarter slower
        return scope.env().opBuilder("MaxPool", scope.makeOpName("PooledMax"), scope).addInput(y.asOutput())
                .setAttr("ksize", new long[] {1, 1, 1, BLOCK}).setAttr("strides", new long[] {1, 1, 1, BLOCK})
                .setAttr("padding", "VALID").build().<TFloat32>output(0);
    }

    /**
     * For pixel (oy, ox) of a block, the 0/1 matrix that places the 3x3 kernel's taps in the 4x4 kernel: the 4x4
     * window of block (I, J) starts at pixel (2I - 1, 2J - 1), so tap (ky, kx) of pixel (2I + oy, 2J + ox) is the
     * window's tap (oy + ky, ox + kx). Rows are ordered (window tap, block pixel), columns as the 3x3 taps.
     */
    static float[] placement() {
        float[] s = new float[WIDE * BLOCK * TAPS];
        for (int oy = 0; oy < 2; oy++) {
            for (int ox = 0; ox < 2; ox++) {
                for (int ky = 0; ky < 3; ky++) {
                    for (int kx = 0; kx < 3; kx++) {
                        int wide = (oy + ky) * 4 + ox + kx;
                        s[(wide * BLOCK + oy * 2 + ox) * TAPS + ky * 3 + kx] = 1;
                    }
                }
            }
        }
        return s;
    }
}
