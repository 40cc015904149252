package org.loupe.detect.rcnn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.loupe.tensorflow.ImageTensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Inference RoIAligns regions in Java; training does it in TensorFlow with CropAndResize and average pooling. The two
 * must give the same numbers, or the second stage would see other features than it learned on.
 */
class RoiAlignTest {

    @Test
    void javaRoiAlignEqualsTheTrainingGraphsCropAndResizeWithPooling() {
        int fw = 13;
        int fh = 9;
        int c = 5;
        Random r = new Random(3);
        float[] features = new float[fw * fh * c];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) r.nextGaussian();
        }
        double[][] regions = {{3, 5, 60, 40}, {0, 0, 104, 72}, {90, 60, 130, 95}, {10.5, 20.25, 14, 23}};
        float[][] boxes = new float[regions.length][];
        for (int k = 0; k < regions.length; k++) {
            double[] g = regions[k];
            boxes[k] = RoiAlign.box(g[0], g[1], g[2], g[3], fw, fh);
        }
        int cell = RoiAlign.BINS * RoiAlign.BINS * c;
        float[] java = new float[regions.length * cell];
        for (int k = 0; k < regions.length; k++) {
            RoiAlign.crop(features, fw, fh, c, boxes[k], java, k * cell);
        }
        float[] tf;
        try (Graph g = new Graph(); Session s = new Session(g);
                TFloat32 f = TFloat32.tensorOf(Shape.of(1, fh, fw, c), DataBuffers.of(features, true, false))) {
            Ops ops = Ops.create(g);
            Operand<TFloat32> in = ops.placeholder(TFloat32.class);
            Operand<TFloat32> crops = ops.image.cropAndResize(in, ops.constant(boxes),
                    ops.constant(new int[regions.length]), ops.constant(new int[] {RoiAlign.SAMPLES,
                            RoiAlign.SAMPLES}));
            Operand<TFloat32> pooled = ops.nn.avgPool(crops, List.of(1L, 2L, 2L, 1L),
                    List.of(1L, 2L, 2L, 1L), "VALID");
            try (Result out = s.runner().feed(in, f).fetch(pooled).run()) {
                tf = ImageTensors.values((TFloat32) out.get(0));
            }
        }
        assertEquals(tf.length, java.length);
        for (int i = 0; i < tf.length; i++) {
            assertEquals(tf[i], java[i], 1e-5, "value " + i);
        }
    }

    @Test
    void aRegionsSamplesSitAQuarterBinInsideItsEdges() {
        // a region of 56 pixels starting at pixel 4 spans cells -0.0 .. 7.0 at stride 8; bins are 1 cell wide
        float[] box = RoiAlign.box(4, 4, 60, 60, 11, 11);
        assertEquals(0.25 / 10, box[0], 1e-6);
        assertEquals((7 - 0.25) / 10, box[2], 1e-6);
    }
}
