package org.loupe.classify.lesion.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;
import org.loupe.tensorflow.ModelHandle;
import org.loupe.tensorflow.ModelSidecar;
import org.loupe.tensorflow.train.ModelExport;
import org.loupe.tensorflow.train.Network;
import org.tensorflow.Graph;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class LesionNetTest {

    @TempDir
    Path dir;

    private ModelHandle exported() throws LoupeException {
        return exported(dir.resolve("m"), 1);
    }

    /** A model of initial weights reading {@code slices} slices. */
    static ModelHandle exported(Path folder, int slices) throws LoupeException {
        LesionNet net = new LesionNet(slices);
        ModelExport.write(folder, net, net.initialWeights(slices, 3), new ModelSidecar("t", Instant.now().toString(),
                "test", "patches", "maps_and_gradients", slices, 1, 0, 0, Map.of(), Map.of()));
        return ModelHandle.load(folder);
    }

    private static float[] patch(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] p = new float[LesionTensors.SIZE];
        for (int i = 0; i < p.length; i++) {
            int x = i % LesionTensors.SIDE - 16;
            int y = i / LesionTensors.SIDE - 16;
            p[i] = LesionTensors.scale((x * x + y * y < 40 ? 30 : 100) + 10 * r.nextGaussian());
        }
        return p;
    }

    private static double score(LesionModel.Verdict v, int c) {
        double s = 0;
        for (float f : v.channel(c)) {
            s += f;
        }
        return s / LesionTensors.SIZE;
    }

    @Test
    void theExportedModelPassesThePolicyAndItsGradientsAreTheScoresSlopes() throws LoupeException {
        try (ModelHandle m = exported()) {
            float[] p = patch(1);
            LesionModel.Verdict v = LesionModel.run(m, p, 1)[0];
            int classes = LesionNet.CLASSES.size();
            assertEquals(LesionTensors.SIZE * 2 * classes, v.output().length);
            double sum = 0;
            for (double q : v.probabilities()) {
                sum += q;
            }
            assertEquals(1, sum, 1e-9);
            // nudge the pixels the gradient says matter most and compare the score's change with its prediction
            for (int c = 0; c < classes; c++) {
                float[] g = v.channel(classes + c);
                int at = 0;
                for (int i = 1; i < g.length; i++) {
                    at = Math.abs(g[i]) > Math.abs(g[at]) ? i : at;
                }
                float eps = 1e-2f;
                float[] q = p.clone();
                q[at] += eps;
                double change = score(LesionModel.run(m, q, 1)[0], c) - score(v, c);
                assertEquals(g[at] * eps, change, Math.abs(g[at] * eps) * 0.2 + 1e-7, "class " + c);
            }
        }
    }

    @Test
    void hasTheSizeTheModelsPageGives() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Network net = new Network(tf, 1);
            new LesionNet(1).logits(net, tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1,
                    LesionTensors.SIDE, LesionTensors.SIDE, 1))), false);
            assertEquals(70_752, net.weightCount(), "docs/MODELS.md says 70,752 weights");
        }
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Network net = new Network(tf, 1);
            new LesionNet(3).logits(net, tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1,
                    LesionTensors.SIDE, LesionTensors.SIDE, 3))), false);
            assertEquals(70_752 + 2 * 9 * LesionNet.WIDTH, net.weightCount(), "two more input channels of the stem");
        }
    }

    @Test
    void anEnsembleGivesItsMembersMeanScoreMapsAndGradients() throws LoupeException {
        LesionNet single = new LesionNet(1);
        Map<String, float[]> first = single.initialWeights(1, 3);
        Map<String, float[]> second = single.initialWeights(1, 4);
        Map<String, float[]> both = new java.util.LinkedHashMap<>();
        first.forEach((k, v) -> both.put(LesionNet.memberName(1, k), v));
        second.forEach((k, v) -> both.put(LesionNet.memberName(2, k), v));
        ModelSidecar sidecar = new ModelSidecar("t", Instant.now().toString(), "test", "patches",
                "maps_and_gradients", 1, 1, 0, 0, Map.of(), Map.of());
        ModelExport.write(dir.resolve("a"), single, first, sidecar);
        ModelExport.write(dir.resolve("b"), single, second, sidecar);
        ModelExport.write(dir.resolve("ab"), new LesionNet(1, 2), both, sidecar);
        float[] p = patch(5);
        try (ModelHandle a = ModelHandle.load(dir.resolve("a")); ModelHandle b = ModelHandle.load(dir.resolve("b"));
                ModelHandle ab = ModelHandle.load(dir.resolve("ab"))) {
            float[] va = LesionModel.run(a, p, 1)[0].output();
            float[] vb = LesionModel.run(b, p, 1)[0].output();
            LesionModel.Verdict e = LesionModel.run(ab, p, 1)[0];
            double apart = 0;
            for (int i = 0; i < va.length; i++) {
                float mean = (va[i] + vb[i]) / 2;
                assertEquals(mean, e.output()[i], 1e-4 + 1e-3 * Math.abs(mean), "value " + i);
                apart = Math.max(apart, Math.abs(va[i] - vb[i]));
            }
            assertTrue(apart > 1e-3, "the two members differ, so the mean says something");
        }
    }

    @Test
    void patchesInOneBatchDoNotChangeEachOthersResults() throws LoupeException {
        try (ModelHandle m = exported()) {
            float[] a = patch(2);
            float[] b = patch(3);
            float[] both = new float[2 * LesionTensors.SIZE];
            System.arraycopy(a, 0, both, 0, a.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            LesionModel.Verdict alone = LesionModel.run(m, a, 1)[0];
            LesionModel.Verdict together = LesionModel.run(m, both, 2)[0];
            for (int i = 0; i < alone.output().length; i++) {
                assertEquals(alone.output()[i], together.output()[i], 1e-4 + 1e-3 * Math.abs(alone.output()[i]));
            }
        }
    }

    @Test
    void heatMapsLieInTheUnitIntervalAndGradCamIsTheRectifiedScoreMap() {
        float[] scores = {-2, 0, 1, 4};
        float[] cam = Saliency.rectified(scores);
        assertEquals(0, cam[0]);
        assertEquals(0.25f, cam[2]);
        assertEquals(1, cam[3]);
        float[] grad = Saliency.magnitude(new float[] {-3, 1, 0, 1.5f});
        assertEquals(1, grad[0]);
        assertTrue(grad[2] == 0 && grad[3] == 0.5f);
        assertEquals(0, Saliency.rectified(new float[] {-1, -2})[1], "no evidence stays zero");
    }
}
