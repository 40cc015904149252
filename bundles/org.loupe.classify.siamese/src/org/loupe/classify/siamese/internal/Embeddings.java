package org.loupe.classify.siamese.internal;

import java.util.Arrays;
import org.loupe.api.LoupeException;
import org.loupe.tensorflow.ImageTensors;
import org.loupe.tensorflow.ModelHandle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Runs a trained embedding network over many patch inputs, a bounded batch at a time. */
final class Embeddings {

    private static final int BATCH = 256;

    private Embeddings() {
    }

    /** The embeddings of {@code n} patch inputs ({@link PatchTensors}), one row of the model's dimension each. */
    static float[][] of(ModelHandle model, float[] inputs, int n) throws LoupeException {
        float[][] out = new float[n][];
        int s = PatchTensors.SIDE;
        for (int from = 0; from < n; from += BATCH) {
            int m = Math.min(BATCH, n - from);
            float[] part = new float[m * PatchTensors.SIZE];
            System.arraycopy(inputs, from * PatchTensors.SIZE, part, 0, part.length);
            float[] rows;
            try (TFloat32 in = TFloat32.tensorOf(Shape.of(m, s, s, 1), DataBuffers.of(part, true, false))) {
                rows = model.run(in, ImageTensors::values);
            }
            int dim = rows.length / m;
            for (int i = 0; i < m; i++) {
                out[from + i] = Arrays.copyOfRange(rows, i * dim, (i + 1) * dim);
            }
        }
        return out;
    }

    /** Euclidean distance between two embeddings. */
    static double distance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
