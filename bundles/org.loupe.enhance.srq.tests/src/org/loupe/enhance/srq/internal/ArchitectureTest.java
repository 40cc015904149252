package org.loupe.enhance.srq.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loupe.tensorflow.ImageTensors;
import org.loupe.tensorflow.train.Network;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class ArchitectureTest {

    @Test
    void theNetworkHasThePapersSizeWithoutBiases() {
        assertEquals(2496, Architecture.weightCount());
        assertEquals(6, Architecture.RADIUS);
        Map<String, float[]> w = new Architecture().initialWeights(1, 1);
        assertEquals(Architecture.LAYERS.size(), w.size(), "one kernel per layer, no bias variables");
        assertEquals(2496, w.values().stream().mapToInt(v -> v.length).sum());
    }

    @Test
    void theJavaEngineComputesWhatTheTrainedTensorFlowGraphComputes() {
        Map<String, float[]> kernels = new Architecture().initialWeights(1, 11);
        int w = 29;
        int h = 17;
        float[] luma = FixedPointNetworkTest.randomLuma(w * h, 9);
        float[] tf;
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops ops = Ops.create(g);
            Placeholder<TFloat32> in = ops.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, h, w, 1)));
            Operand<TFloat32> out = new Architecture().build(Network.withValues(ops, kernels), in, false);
            s.initialize();
            try (TFloat32 x = TFloat32.tensorOf(Shape.of(1, h, w, 1), DataBuffers.of(luma, true, false));
                    Result r = s.runner().feed(in, x).fetch(out).run()) {
                tf = ImageTensors.values((TFloat32) r.get(0));
            }
        }
        double[] java = ReferenceNetwork.floating(kernels).run(luma, w, h);
        // TensorFlow's pixel shuffle gives the HR image; the engine gives the four phases of each LR pixel
        double worst = 0;
        for (int y = 0; y < 2 * h; y++) {
            for (int x = 0; x < 2 * w; x++) {
                double j = java[((y / 2) * w + x / 2) * 4 + (y % 2) * 2 + x % 2];
                worst = Math.max(worst, Math.abs(j - tf[y * 2 * w + x]));
            }
        }
        assertEquals(0, worst, 2e-5, "largest difference between TensorFlow and the Java engine");
    }
}
