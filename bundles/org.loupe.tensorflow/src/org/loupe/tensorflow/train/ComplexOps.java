package org.loupe.tensorflow.train;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.StridedSlice;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TType;

/**
 * Complex-valued graph operations for frequency-domain losses. TensorFlow Java has no complex tensor class, so
 * complex values travel as untyped outputs built with the raw operation builder; and TensorFlow has no gradient for
 * FFT2D, IFFT2D or ComplexAbs outside Python, so {@link #registerGradients()} supplies them (each is checked against
 * finite differences in the tests):
 * d FFT2D: IFFT2D(g) x N; d IFFT2D: FFT2D(g) / N (N the number of points of the 2-D transform);
 * d ComplexAbs: g z / |z| (0 where z = 0).
 */
public final class ComplexOps {

    private static boolean registered;

    private ComplexOps() {
    }

    /** re + i im, as complex64. */
    public static Output<TType> complex(Ops tf, Operand<TFloat32> re, Operand<TFloat32> im) {
        @SuppressWarnings("unchecked")
        Output<TType> out = (Output<TType>) tf.scope().opBuilder("Complex", "Complex")
                .addInput(re.asOutput()).addInput(im.asOutput()).setAttr("Tout", DataType.DT_COMPLEX64).build()
                .output(0);
        return out;
    }

    /** The 2-D FFT over the two innermost dimensions (unnormalised). */
    public static Output<TType> fft2d(Ops tf, Operand<TType> z) {
        return tf.signal.fft2d(z).output();
    }

    /** The inverse 2-D FFT over the two innermost dimensions (divided by the number of points). */
    public static Output<TType> ifft2d(Ops tf, Operand<TType> z) {
        return tf.signal.ifft2d(z).output();
    }

    /** Registers the missing gradients, once per process; must run before gradients are added to a graph. */
    public static synchronized void registerGradients() {
        if (registered) {
            return;
        }
        TensorFlow.registerCustomGradient("FFT2D", (tf, op, grads) ->
                List.of(scale(tf, ifft2d(tf, complexInput(grads.get(0))), points(tf, op.input(0)), false)));
        TensorFlow.registerCustomGradient("IFFT2D", (tf, op, grads) ->
                List.of(scale(tf, fft2d(tf, complexInput(grads.get(0))), points(tf, op.input(0)), true)));
        TensorFlow.registerCustomGradient("ComplexAbs", (tf, op, grads) -> {
            @SuppressWarnings("unchecked")
            Operand<TFloat32> g = (Operand<TFloat32>) grads.get(0);
            @SuppressWarnings("unchecked")
            Operand<TType> z = (Operand<TType>) op.input(0);
            Operand<TFloat32> abs = tf.math.complexAbs(z);
            Operand<TFloat32> ratio = tf.math.divNoNan(g, abs);
            Operand<TFloat32> zero = tf.zerosLike(ratio);
            return List.of(tf.math.mul(complex(tf, ratio, zero), z));
        });
        registered = true;
    }

    @SuppressWarnings("unchecked")
    private static Operand<TType> complexInput(Operand<?> o) {
        return (Operand<TType>) o;
    }

    /** Number of points of the 2-D transform of {@code z}: the product of its two innermost dimensions. */
    private static Operand<TFloat32> points(Ops tf, Operand<?> z) {
        Operand<TInt32> shape = tf.shape(complexInput(z));
        Operand<TInt32> lastTwo = tf.stridedSlice(shape, tf.constant(new int[] {-2}), tf.constant(new int[] {0}),
                tf.constant(new int[] {1}), StridedSlice.endMask(1L));
        return tf.dtypes.cast(tf.prod(lastTwo, tf.constant(0)), TFloat32.class);
    }

    private static Output<TType> scale(Ops tf, Operand<TType> z, Operand<TFloat32> n, boolean divide) {
        Operand<TFloat32> factor = divide ? tf.math.reciprocal(n) : n;
        return tf.math.mul(z, complex(tf, factor, tf.zerosLike(factor))).asOutput();
    }
}
