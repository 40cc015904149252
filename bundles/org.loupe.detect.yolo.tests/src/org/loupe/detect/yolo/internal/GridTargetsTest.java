package org.loupe.detect.yolo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loupe.api.Detection;
import org.loupe.metrics.detection.GroundTruth;

/** Targets and decoding agree: a grid that says exactly its targets decodes to the annotated boxes. */
class GridTargetsTest {

    private static final List<String> CLASSES = List.of("crack", "particle", "scratch");

    @Test
    void aGridSayingItsTargetsDecodesToTheAnnotatedBoxes() {
        List<GroundTruth> truth = List.of(new GroundTruth(10, 12, 50, 30, "scratch"),
                new GroundTruth(80, 80, 86, 85, "particle"));
        int g = 128 / GridNetwork.STRIDE;
        int per = 1 + CLASSES.size() + 4;
        float[] t = new float[g * g * per];
        GridTargets.write(truth, CLASSES, g, g, t, 0);
        // logits: +12 where the target says 1, -12 where 0; distances as their logarithms
        float[] out = new float[t.length];
        for (int cell = 0; cell < g * g; cell++) {
            int at = cell * per;
            for (int k = 0; k < 1 + CLASSES.size(); k++) {
                out[at + k] = t[at + k] > 0.5 ? 12 : -12;
            }
            for (int k = 0; k < 4; k++) {
                int b = at + 1 + CLASSES.size() + k;
                out[b] = t[at] > 0 ? (float) Math.log(t[b]) : 0;
            }
        }
        List<Detection> found = GridDecoder.decode(out, g, g, CLASSES, 128, 128, 0.5, 0.5);
        assertEquals(2, found.size(), found.toString());
        for (GroundTruth gt : truth) {
            Detection d = found.stream().filter(x -> x.label().equals(gt.label())).findFirst().orElseThrow();
            assertEquals(gt.x1(), d.x1(), 1e-3);
            assertEquals(gt.y1(), d.y1(), 1e-3);
            assertEquals(gt.x2(), d.x2(), 1e-3);
            assertEquals(gt.y2(), d.y2(), 1e-3);
        }
    }

    @Test
    void aBoxSmallerThanACellStillHasTheCellHoldingItsCentre() {
        int g = 64 / GridNetwork.STRIDE;
        int per = 1 + CLASSES.size() + 4;
        float[] t = new float[g * g * per];
        GridTargets.write(List.of(new GroundTruth(17, 41, 20, 44, "particle")), CLASSES, g, g, t, 0);
        int positives = 0;
        for (int cell = 0; cell < g * g; cell++) {
            positives += t[cell * per] > 0 ? 1 : 0;
        }
        assertEquals(1, positives);
        assertEquals(1, t[(5 * g + 2) * per], "cell (2, 5) holds the centre (18.5, 42.5)");
    }
}
