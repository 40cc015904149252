package org.loupe.tensorflow.train;

import static org.loupe.tensorflow.train.GradientCheck.assertClose;
import static org.loupe.tensorflow.train.GradientCheck.gradient;
import static org.loupe.tensorflow.train.GradientCheck.numeric;
import static org.loupe.tensorflow.train.GradientCheck.random;

import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/**
 * The gradients Loupe registers for FFT2D, IFFT2D and ComplexAbs (TensorFlow has none outside Python), each checked
 * against central differences of a real scalar built on the operation. The transforms run on a non-square 4x6 grid
 * and on complex input whose imaginary part also depends on x, so a swapped dimension or a lost conjugate shows.
 */
class ComplexOpsTest {

    private static final long[] SHAPE = {2, 4, 6};
    private static final int SIZE = 48;

    @BeforeAll
    static void register() {
        ComplexOps.registerGradients();
    }

    private static Operand<TFloat32> constant(Ops tf, float[] v) {
        return tf.constant(Shape.of(SHAPE), DataBuffers.of(v, true, false));
    }

    /** z = x + i x^2 / 2. */
    private static Operand<TType> input(Ops tf, Operand<TFloat32> x) {
        return ComplexOps.complex(tf, x, tf.math.mul(tf.constant(0.5f), tf.math.square(x)));
    }

    /** sum(R * re(z) + I * im(z)) with fixed random R and I: a real scalar that sees every output. */
    private static Operand<TFloat32> project(Ops tf, Operand<TType> z) {
        Operand<TFloat32> re = tf.math.mul(constant(tf, random(SIZE, -1, 1, 21)), tf.math.real(z));
        Operand<TFloat32> im = tf.math.mul(constant(tf, random(SIZE, -1, 1, 22)), tf.math.imag(z));
        return tf.reduceSum(tf.math.add(re, im), tf.constant(new int[] {0, 1, 2}));
    }

    private static void check(BiFunction<Ops, Operand<TFloat32>, Operand<TFloat32>> f, String what) {
        float[] x = random(SIZE, -1, 1, 23);
        assertClose(gradient(f, SHAPE, x), numeric(f, SHAPE, x, 1e-2f), 2e-3, what);
    }

    @Test
    void fft2dGradientMatchesFiniteDifferences() {
        check((tf, x) -> project(tf, ComplexOps.fft2d(tf, input(tf, x))), "FFT2D");
    }

    @Test
    void ifft2dGradientMatchesFiniteDifferences() {
        check((tf, x) -> project(tf, ComplexOps.ifft2d(tf, input(tf, x))), "IFFT2D");
    }

    @Test
    void complexAbsGradientMatchesFiniteDifferences() {
        check((tf, x) -> tf.reduceSum(tf.math.mul(constant(tf, random(SIZE, -1, 1, 24)),
                tf.math.complexAbs(ComplexOps.fft2d(tf, input(tf, x)))), tf.constant(new int[] {0, 1, 2})),
                "ComplexAbs");
    }
}
