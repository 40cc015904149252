package org.loupe.tensorflow.train;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Max;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TType;

/**
 * Training losses as graph operations, on NHWC images unless said otherwise. Each returns a scalar; gradients flow
 * through everything except where a definition says they are stopped.
 */
public final class Losses {

    private Losses() {
    }

    /**
     * Binary cross-entropy of logits {@code x} against targets {@code z}, element by element (not a scalar, so
     * callers can weigh and sum it), written stably: max(x, 0) - x z + log(1 + exp(-|x|)).
     */
    public static Operand<TFloat32> binaryCrossEntropy(Ops tf, Operand<TFloat32> x, Operand<TFloat32> z) {
        return tf.math.add(tf.math.sub(tf.math.maximum(x, tf.constant(0f)), tf.math.mul(x, z)),
                tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(x)))));
    }

    /** Mean absolute error. */
    public static Operand<TFloat32> l1(Ops tf, Operand<TFloat32> prediction, Operand<TFloat32> target) {
        return tf.math.mean(tf.math.abs(tf.math.sub(prediction, target)), allAxes(tf, prediction));
    }

    /** Mean squared error. */
    public static Operand<TFloat32> l2(Ops tf, Operand<TFloat32> prediction, Operand<TFloat32> target) {
        return tf.math.mean(tf.math.squaredDifference(prediction, target), allAxes(tf, prediction));
    }

    /**
     * Focal frequency loss (Jiang, Dai, Wu and Loy, ICCV 2021) with alpha = 1: both images go to the frequency
     * domain with an orthonormal 2-D DFT per image and channel; the loss is the mean over frequencies of
     * w |F(prediction) - F(target)|^2, where the "focal" weight w = |F(prediction) - F(target)|^alpha, divided by its
     * maximum over each spectrum so that it lies in [0, 1], is treated as a constant (no gradient through w). Hard
     * frequencies, those the network still gets wrong, therefore weigh most.
     */
    public static Operand<TFloat32> focalFrequency(Ops tf, Operand<TFloat32> prediction, Operand<TFloat32> target,
            float alpha) {
        ComplexOps.registerGradients();
        Operand<TType> fp = spectrum(tf, prediction);
        Operand<TType> ft = spectrum(tf, target);
        Operand<TFloat32> dr = tf.math.sub(tf.math.real(fp), tf.math.real(ft));
        Operand<TFloat32> di = tf.math.sub(tf.math.imag(fp), tf.math.imag(ft));
        Operand<TFloat32> distance = tf.math.add(tf.math.square(dr), tf.math.square(di));
        Operand<TFloat32> w = tf.math.pow(tf.math.sqrt(tf.math.add(distance, tf.constant(1e-12f))),
                tf.constant(alpha));
        Operand<TFloat32> max = tf.max(w, tf.constant(new int[] {2, 3}), Max.keepDims(true));
        Operand<TFloat32> weight = tf.stopGradient(tf.clipByValue(tf.math.divNoNan(w, max), tf.constant(0f),
                tf.constant(1f)));
        return tf.math.mean(tf.math.mul(weight, distance), tf.constant(new int[] {0, 1, 2, 3}));
    }

    /** The orthonormal 2-D DFT of each image and channel: [N, H, W, C] to complex [N, C, H, W]. */
    private static Operand<TType> spectrum(Ops tf, Operand<TFloat32> x) {
        Operand<TFloat32> nchw = tf.linalg.transpose(x, tf.constant(new int[] {0, 3, 1, 2}));
        Operand<TFloat32> points = tf.dtypes.cast(tf.math.mul(tf.gather(tf.shape(x), tf.constant(1),
                tf.constant(0)), tf.gather(tf.shape(x), tf.constant(2), tf.constant(0))), TFloat32.class);
        Operand<TFloat32> scaled = tf.math.mul(nchw, tf.math.rsqrt(points));
        return ComplexOps.fft2d(tf, ComplexOps.complex(tf, scaled, tf.zerosLike(scaled)));
    }

    /**
     * Wavelet-domain high-frequency loss, after Kim and Cho (WACV 2023): both images are decomposed by the
     * orthonormal Haar transform over {@code levels} levels, and the L1 distances of the detail subbands are summed
     * with weights that grow with frequency: at level l (1 the finest) the horizontal and vertical details weigh
     * 2^-(l-1) and the diagonal detail, the highest frequency of the level, twice that; weights are normalised to sum
     * to 1. The approximation (the lowest frequencies) is left to the pixel loss. Height and width must be multiples
     * of 2^levels.
     */
    public static Operand<TFloat32> waveletHighFrequency(Ops tf, Operand<TFloat32> prediction,
            Operand<TFloat32> target, int channels, int levels) {
        double total = 0;
        for (int l = 1; l <= levels; l++) {
            total += 4 * Math.pow(2, -(l - 1));
        }
        Operand<TFloat32> a = prediction;
        Operand<TFloat32> b = target;
        Operand<TFloat32> loss = tf.constant(0f);
        for (int l = 1; l <= levels; l++) {
            Operand<TFloat32> wa = haar(tf, a, channels);
            Operand<TFloat32> wb = haar(tf, b, channels);
            double base = Math.pow(2, -(l - 1)) / total;
            float[] bandWeights = {(float) base, (float) base, (float) (2 * base)};
            for (int band = 1; band <= 3; band++) {
                Operand<TFloat32> da = subband(tf, wa, channels, band);
                Operand<TFloat32> db = subband(tf, wb, channels, band);
                loss = tf.math.add(loss, tf.math.mul(tf.constant(bandWeights[band - 1]), l1(tf, da, db)));
            }
            a = subband(tf, wa, channels, 0);
            b = subband(tf, wb, channels, 0);
        }
        return loss;
    }

    /**
     * One Haar level as a stride-2 depthwise convolution: [N, H, W, C] to [N, H/2, W/2, 4C], channel 4c + s holding
     * subband s (0 approximation, 1 horizontal, 2 vertical, 3 diagonal detail) of input channel c.
     */
    static Operand<TFloat32> haar(Ops tf, Operand<TFloat32> x, int channels) {
        // filters on the 2x2 block [p q; r s]: (p+q+r+s)/2, ((p-r)+(q-s))/2, ((p+r)-(q+s))/2, ((p-r)-(q-s))/2
        float[][] f = {{0.5f, 0.5f, 0.5f, 0.5f}, {0.5f, 0.5f, -0.5f, -0.5f}, {0.5f, -0.5f, 0.5f, -0.5f},
            {0.5f, -0.5f, -0.5f, 0.5f}};
        float[] kernel = new float[2 * 2 * channels * 4];
        for (int dy = 0; dy < 2; dy++) {
            for (int dx = 0; dx < 2; dx++) {
                for (int c = 0; c < channels; c++) {
                    for (int s = 0; s < 4; s++) {
                        kernel[((dy * 2 + dx) * channels + c) * 4 + s] = f[s][dy * 2 + dx];
                    }
                }
            }
        }
        Operand<TFloat32> k = tf.constant(Shape.of(2, 2, channels, 4), DataBuffers.of(kernel, true, false));
        return tf.nn.depthwiseConv2dNative(x, k, List.of(1L, 2L, 2L, 1L), "VALID");
    }

    private static Operand<TFloat32> subband(Ops tf, Operand<TFloat32> w, int channels, int band) {
        int[] idx = new int[channels];
        for (int c = 0; c < channels; c++) {
            idx[c] = 4 * c + band;
        }
        return tf.gather(w, tf.constant(idx), tf.constant(3));
    }

    /**
     * Triplet loss with margin (Schroff et al. 2015): mean of max(0, d(a, p) - d(a, n) + margin) over rows of
     * [N, D] embeddings, with d the squared Euclidean distance.
     */
    public static Operand<TFloat32> triplet(Ops tf, Operand<TFloat32> anchor, Operand<TFloat32> positive,
            Operand<TFloat32> negative, float margin) {
        Operand<TFloat32> dp = tf.reduceSum(tf.math.squaredDifference(anchor, positive), tf.constant(1));
        Operand<TFloat32> dn = tf.reduceSum(tf.math.squaredDifference(anchor, negative), tf.constant(1));
        Operand<TFloat32> hinge = tf.math.maximum(tf.math.add(tf.math.sub(dp, dn), tf.constant(margin)),
                tf.constant(0f));
        return tf.math.mean(hinge, tf.constant(0));
    }

    /** Softmax cross-entropy of [N, K] logits against one-hot (or soft) [N, K] labels, averaged over rows. */
    public static Operand<TFloat32> softmaxCrossEntropy(Ops tf, Operand<TFloat32> logits, Operand<TFloat32> labels) {
        return tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, labels).loss(), tf.constant(0));
    }

    private static Operand<TInt32> allAxes(Ops tf, Operand<TFloat32> x) {
        return tf.range(tf.constant(0), tf.rank(x), tf.constant(1));
    }
}
