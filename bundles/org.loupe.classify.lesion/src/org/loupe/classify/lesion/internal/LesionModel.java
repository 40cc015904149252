package org.loupe.classify.lesion.internal;

import java.util.Arrays;
import java.util.List;
import org.loupe.api.LoupeException;
import org.loupe.image.PixelImage;
import org.loupe.tensorflow.ImageTensors;
import org.loupe.tensorflow.ModelHandle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Runs an exported {@link LesionNet}: class probabilities, score maps and input gradients of each patch. */
final class LesionModel {

    private static final int BATCH = 256;
    private static final int CLASSES = LesionNet.CLASSES.size();
    private static final int CHANNELS = 2 * CLASSES;

    /**
     * What the network says of one patch.
     *
     * @param probabilities softmax of the class scores, in {@link LesionNet#CLASSES} order
     * @param output        the model's output for the patch, [32, 32, 2 x classes] (maps, then gradients)
     */
    record Verdict(double[] probabilities, float[] output) {

        /** The most probable class's index. */
        int best() {
            int b = 0;
            for (int c = 1; c < probabilities.length; c++) {
                b = probabilities[c] > probabilities[b] ? c : b;
            }
            return b;
        }

        /** Channel {@code channel} of the output as a 32x32 map. */
        float[] channel(int channel) {
            float[] m = new float[LesionTensors.SIZE];
            for (int p = 0; p < m.length; p++) {
                m[p] = output[p * CHANNELS + channel];
            }
            return m;
        }
    }

    private LesionModel() {
    }

    /** The slices {@code model} reads: its input channels. */
    static int slices(ModelHandle model) {
        return model.sidecar().channels();
    }

    /** The verdicts on patches, as {@link #run(ModelHandle, float[], int)} on their network inputs. */
    static Verdict[] run(ModelHandle model, List<? extends PixelImage> patches) throws LoupeException {
        return run(model, LesionTensors.of(patches, slices(model)), patches.size());
    }

    /**
     * The verdicts on {@code n} patches given as network inputs ({@link LesionTensors}) of as many channels as the
     * model reads.
     */
    static Verdict[] run(ModelHandle model, float[] inputs, int n) throws LoupeException {
        Verdict[] out = new Verdict[n];
        int s = LesionTensors.SIDE;
        int c = slices(model);
        int size = LesionTensors.SIZE * c;
        for (int from = 0; from < n; from += BATCH) {
            int m = Math.min(BATCH, n - from);
            float[] part = Arrays.copyOfRange(inputs, from * size, (from + m) * size);
            float[] values;
            try (TFloat32 in = TFloat32.tensorOf(Shape.of(m, s, s, c), DataBuffers.of(part, true, false))) {
                values = model.run(in, ImageTensors::values);
            }
            int per = LesionTensors.SIZE * CHANNELS;
            if (values.length != m * per) {
                throw LoupeException.badInput(model.folder().toString(), "puts out " + values.length / m
                        + " values per patch, not " + per + ": not a classify.liver.lesion model");
            }
            for (int i = 0; i < m; i++) {
                float[] o = Arrays.copyOfRange(values, i * per, (i + 1) * per);
                out[from + i] = new Verdict(softmax(meanScores(o)), o);
            }
        }
        return out;
    }

    private static double[] meanScores(float[] o) {
        double[] s = new double[CLASSES];
        for (int p = 0; p < LesionTensors.SIZE; p++) {
            for (int c = 0; c < CLASSES; c++) {
                s[c] += o[p * CHANNELS + c];
            }
        }
        for (int c = 0; c < CLASSES; c++) {
            s[c] /= LesionTensors.SIZE;
        }
        return s;
    }

    private static double[] softmax(double[] z) {
        double max = Arrays.stream(z).max().orElse(0);
        double sum = 0;
        double[] p = new double[z.length];
        for (int c = 0; c < z.length; c++) {
            p[c] = Math.exp(z[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < z.length; c++) {
            p[c] /= sum;
        }
        return p;
    }
}
