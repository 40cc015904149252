package org.loupe.tensorflow.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.loupe.tensorflow.ImageTensors;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Builds layers into a TensorFlow graph and owns their variables. A layer asks for its variables by name; the first
 * request creates and initialises them from the network's seed, later requests return them, so the same layers can
 * be built twice (a training graph and an inference graph) over one set of weights. Layouts are NHWC; convolution
 * kernels are [k, k, in, out]. Not thread-safe: build, then train.
 * <p>
 * Variables are TensorFlow reference variables; layers read them through an Identity, because some of TensorFlow's
 * C++ gradients (Square's, for one) crash the process when an input is reference-typed. Code that uses
 * {@link #variable} directly in arithmetic should do the same ({@link #read}).
 */
public final class Network {

    private final Ops tf;
    private final SplittableRandom random;
    private final Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();
    private final List<Variable<TFloat32>> trainable = new ArrayList<>();
    private final List<Op> updates = new ArrayList<>();
    private final Map<String, float[]> given;

    /** A network building into {@code tf}'s graph, initialising from {@code seed}. */
    public Network(Ops tf, long seed) {
        this.tf = tf;
        this.random = new SplittableRandom(seed);
        this.given = null;
    }

    private Network(Ops tf, Map<String, float[]> values) {
        this.tf = tf;
        this.random = new SplittableRandom(0);
        this.given = Map.copyOf(values);
    }

    /**
     * A network whose variables take the given values (by name) instead of being initialised, e.g. trained weights
     * rebuilt into an export graph; asking for a variable without a value is an error.
     */
    public static Network withValues(Ops tf, Map<String, float[]> values) {
        return new Network(tf, values);
    }

    /** The current value of every variable, by name, read from a session running this network's graph. */
    public Map<String, float[]> values(Session session) {
        Map<String, float[]> out = new LinkedHashMap<>();
        variables.forEach((name, v) -> {
            try (Result r = session.runner().fetch(v).run()) {
                out.put(name, ImageTensors.values((TFloat32) r.get(0)));
            }
        });
        return out;
    }

    /** The graph's operation builder. */
    public Ops tf() {
        return tf;
    }

    /** The trainable variables in creation order. */
    public List<Variable<TFloat32>> trainableVariables() {
        return Collections.unmodifiableList(trainable);
    }

    /** Every variable by name (trainable ones and batch-normalisation statistics). */
    public Map<String, Variable<TFloat32>> variables() {
        return Collections.unmodifiableMap(variables);
    }

    /** Operations to run with each training step (batch-normalisation running averages). */
    public List<Op> updates() {
        return Collections.unmodifiableList(updates);
    }

    /** Number of trainable weights. */
    public long weightCount() {
        return trainable.stream().mapToLong(v -> v.shape().size()).sum();
    }

    /**
     * The variable of that name, created with {@code init} on first use. Names are paths such as "conv1/kernel"; in
     * the graph the slashes become dots, since TensorFlow reserves slashes for its own name scopes.
     */
    public Variable<TFloat32> variable(String name, long[] shape, int fanIn, Init init, boolean isTrainable) {
        Variable<TFloat32> existing = variables.get(name);
        if (existing != null) {
            if (!Arrays.equals(existing.shape().asArray(), shape)) {
                throw new IllegalArgumentException("variable " + name + " exists with another shape");
            }
            return existing;
        }
        float[] values = new float[Math.toIntExact(Shape.of(shape).size())];
        if (given == null) {
            init.fill(values, fanIn, random);
        } else if (given.containsKey(name) && given.get(name).length == values.length) {
            values = given.get(name);
        } else {
            throw new IllegalArgumentException("no value of " + values.length + " for variable " + name);
        }
        Variable<TFloat32> v = tf.withName(name.replace('/', '.')).variable(tf.constant(Shape.of(shape),
                DataBuffers.of(values, true, false)));
        variables.put(name, v);
        if (isTrainable) {
            trainable.add(v);
        }
        return v;
    }

    /** The variable's value as an ordinary (non-reference) tensor, for use in arithmetic. */
    public Operand<TFloat32> read(Variable<TFloat32> v) {
        return tf.identity(v);
    }

    private Operand<TFloat32> weight(String name, long[] shape, int fanIn, Init init) {
        return read(variable(name, shape, fanIn, init, true));
    }

    /** A 2-D convolution with "SAME" padding, optional bias. */
    public Operand<TFloat32> conv(String name, Operand<TFloat32> x, int in, int out, int k, int stride, boolean bias,
            Init init) {
        Operand<TFloat32> w = weight(name + "/kernel", new long[] {k, k, in, out}, k * k * in, init);
        Operand<TFloat32> y = tf.nn.conv2d(x, w, List.of(1L, (long) stride, (long) stride, 1L), "SAME");
        return bias ? tf.nn.biasAdd(y, weight(name + "/bias", new long[] {out}, 1, Init.constant(0))) : y;
    }

    /**
     * A depthwise 2-D convolution with "SAME" padding, stride 1 and no bias: each channel is filtered by its own
     * {@code kh x kw} kernel (the cheap half of a depthwise-separable convolution).
     */
    public Operand<TFloat32> depthwiseConv(String name, Operand<TFloat32> x, int channels, int kh, int kw,
            Init init) {
        Operand<TFloat32> w = weight(name + "/kernel", new long[] {kh, kw, channels, 1}, kh * kw, init);
        return tf.nn.depthwiseConv2dNative(x, w, List.of(1L, 1L, 1L, 1L), "SAME");
    }

    /** A transposed convolution ("deconvolution") that multiplies height and width by {@code stride}. */
    public Operand<TFloat32> convTranspose(String name, Operand<TFloat32> x, int in, int out, int k, int stride,
            Init init) {
        Operand<TFloat32> w = weight(name + "/kernel", new long[] {k, k, out, in}, k * k * in, init);
        Operand<TInt32> s = tf.shape(x);
        Operand<TInt32> outShape = tf.stack(List.of(gather(s, 0), tf.math.mul(gather(s, 1), tf.constant(stride)),
                tf.math.mul(gather(s, 2), tf.constant(stride)), tf.constant(out)));
        return tf.nn.conv2dBackpropInput(outShape, w, x, List.of(1L, (long) stride, (long) stride, 1L), "SAME");
    }

    private Operand<TInt32> gather(Operand<TInt32> shape, int i) {
        return tf.gather(shape, tf.constant(i), tf.constant(0));
    }

    /** Bilinear enlargement by an integer factor, pixel centres aligned as in image resizing (half-pixel). */
    public Operand<TFloat32> upsampleBilinear(Operand<TFloat32> x, int factor) {
        Operand<TInt32> s = tf.shape(x);
        Operand<TInt32> size = tf.math.mul(tf.stack(List.of(gather(s, 1), gather(s, 2))), tf.constant(factor));
        return tf.image.resizeBilinear(x, size, ResizeBilinear.halfPixelCenters(true));
    }

    /** Pixel shuffle: channels r*r*c to an r-times larger image of c channels. */
    public Operand<TFloat32> pixelShuffle(Operand<TFloat32> x, int r) {
        return tf.nn.depthToSpace(x, (long) r);
    }

    /** x + conv(relu(conv(x))): the residual block of EDSR-style networks, without batch normalisation. */
    public Operand<TFloat32> residualBlock(String name, Operand<TFloat32> x, int channels, int k, Init init) {
        Operand<TFloat32> h = relu(conv(name + "/conv1", x, channels, channels, k, 1, true, init));
        return tf.math.add(x, conv(name + "/conv2", h, channels, channels, k, 1, true, init));
    }

    /**
     * Batch normalisation (FusedBatchNormV3) with learnt scale and offset. In training it normalises with the
     * batch's statistics and adds the update of the running averages to {@link #updates()}; otherwise it uses the
     * running averages.
     */
    public Operand<TFloat32> batchNorm(String name, Operand<TFloat32> x, int channels, boolean training) {
        long[] shape = {channels};
        Operand<TFloat32> scale = weight(name + "/gamma", shape, 1, Init.constant(1));
        Operand<TFloat32> offset = weight(name + "/beta", shape, 1, Init.constant(0));
        Variable<TFloat32> mean = variable(name + "/moving_mean", shape, 1, Init.constant(0), false);
        Variable<TFloat32> var = variable(name + "/moving_variance", shape, 1, Init.constant(1), false);
        if (!training) {
            return tf.nn.fusedBatchNorm(x, scale, offset, read(mean), read(var), FusedBatchNorm.isTraining(false),
                    FusedBatchNorm.epsilon(1e-3f)).y();
        }
        FusedBatchNorm<TFloat32, TFloat32> bn = tf.nn.fusedBatchNorm(x, scale, offset, read(mean), read(var),
                FusedBatchNorm.isTraining(true), FusedBatchNorm.epsilon(1e-3f),
                FusedBatchNorm.exponentialAvgFactor(0.01f));
        updates.add(tf.assign(mean, bn.batchMean()));
        updates.add(tf.assign(var, bn.batchVariance()));
        return bn.y();
    }

    /** max(x, 0). */
    public Operand<TFloat32> relu(Operand<TFloat32> x) {
        return tf.nn.relu(x);
    }

    /** x for x > 0, alpha x otherwise. */
    public Operand<TFloat32> leakyRelu(Operand<TFloat32> x, float alpha) {
        return tf.math.maximum(x, tf.math.mul(x, tf.constant(alpha)));
    }

    /** Max pooling, "SAME" padding. */
    public Operand<TFloat32> maxPool(Operand<TFloat32> x, int k, int stride) {
        return tf.nn.maxPool(x, tf.constant(new int[] {1, k, k, 1}), tf.constant(new int[] {1, stride, stride, 1}),
                "SAME");
    }

    /** Average pooling, "SAME" padding. */
    public Operand<TFloat32> avgPool(Operand<TFloat32> x, int k, int stride) {
        return tf.nn.avgPool(x, List.of(1L, (long) k, (long) k, 1L), List.of(1L, (long) stride, (long) stride, 1L),
                "SAME");
    }

    /** The mean over height and width: [N, H, W, C] to [N, C]. */
    public Operand<TFloat32> globalAveragePool(Operand<TFloat32> x) {
        return tf.math.mean(x, tf.constant(new int[] {1, 2}));
    }

    /** A fully connected layer on [N, in]. */
    public Operand<TFloat32> dense(String name, Operand<TFloat32> x, int in, int out, boolean bias, Init init) {
        Operand<TFloat32> w = weight(name + "/kernel", new long[] {in, out}, in, init);
        Operand<TFloat32> y = tf.linalg.matMul(x, w);
        return bias ? tf.nn.biasAdd(y, weight(name + "/bias", new long[] {out}, 1, Init.constant(0))) : y;
    }

    /** Scales each row of [N, D] to unit Euclidean length (rows of zeros stay zero). */
    public Operand<TFloat32> l2Normalize(Operand<TFloat32> x) {
        Operand<TFloat32> sq = tf.reduceSum(tf.math.square(x), tf.constant(-1), ReduceSum.keepDims(true));
        return tf.math.mul(x, tf.math.rsqrt(tf.math.maximum(sq, tf.constant(1e-12f))));
    }
}
