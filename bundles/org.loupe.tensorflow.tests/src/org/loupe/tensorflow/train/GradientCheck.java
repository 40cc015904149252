package org.loupe.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiFunction;
import org.loupe.tensorflow.ImageTensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** Compares the gradient TensorFlow builds for a scalar function of one tensor with central differences. */
final class GradientCheck {

    private GradientCheck() {
    }

    /** The graph's gradient of {@code f} at {@code x0}. */
    static float[] gradient(BiFunction<Ops, Operand<TFloat32>, Operand<TFloat32>> f, long[] shape, float[] x0) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
            Operand<TFloat32> y = f.apply(tf, x);
            Output<?>[] grad = g.addGradients(y.asOutput(), new Output<?>[] {x.asOutput()});
            try (TFloat32 in = tensor(shape, x0); Result r = s.runner().feed(x, in).fetch(grad[0]).run()) {
                return ImageTensors.values((TFloat32) r.get(0));
            }
        }
    }

    /** The value of {@code f} at {@code x}, computed by the graph. */
    static double value(BiFunction<Ops, Operand<TFloat32>, Operand<TFloat32>> f, long[] shape, float[] x) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
            Operand<TFloat32> y = f.apply(tf, p);
            try (TFloat32 in = tensor(shape, x); Result r = s.runner().feed(p, in).fetch(y).run()) {
                return ((TFloat32) r.get(0)).getFloat();
            }
        }
    }

    /** Central differences of the graph's own value (in float: keep {@code eps} near 1e-2 to 1e-3). */
    static double[] numeric(BiFunction<Ops, Operand<TFloat32>, Operand<TFloat32>> f, long[] shape, float[] x0,
            float eps) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
            Operand<TFloat32> y = f.apply(tf, p);
            double[] out = new double[x0.length];
            float[] x = x0.clone();
            for (int i = 0; i < x.length; i++) {
                x[i] = x0[i] + eps;
                double plus = run(s, p, y, shape, x);
                x[i] = x0[i] - eps;
                double minus = run(s, p, y, shape, x);
                x[i] = x0[i];
                out[i] = (plus - minus) / ((double) (x0[i] + eps) - (double) (x0[i] - eps));
            }
            return out;
        }
    }

    private static double run(Session s, Placeholder<TFloat32> p, Operand<TFloat32> y, long[] shape, float[] x) {
        try (TFloat32 in = tensor(shape, x); Result r = s.runner().feed(p, in).fetch(y).run()) {
            return ((TFloat32) r.get(0)).getFloat();
        }
    }

    static TFloat32 tensor(long[] shape, float[] values) {
        return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
    }

    /** Asserts |analytic - numeric| / |numeric| below {@code tolerance} (Euclidean norms over all elements). */
    static void assertClose(float[] analytic, double[] numeric, double tolerance, String what) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < numeric.length; i++) {
            diff += (analytic[i] - numeric[i]) * (analytic[i] - numeric[i]);
            norm += numeric[i] * numeric[i];
        }
        double rel = Math.sqrt(diff) / Math.max(Math.sqrt(norm), 1e-12);
        assertTrue(norm > 0, what + ": the numeric gradient is zero, so the check proves nothing");
        assertTrue(rel < tolerance, what + ": relative gradient error " + rel + " exceeds " + tolerance);
    }

    /** Seeded values in [lo, hi). */
    static float[] random(int n, double lo, double hi, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (lo + (hi - lo) * r.nextDouble());
        }
        return v;
    }
}
