package org.loupe.detect.template.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loupe.api.Detection;
import org.loupe.tensorflow.train.Dihedral;

/** The symmetries used for augmentation move crop and box together; duplicate detections are merged. */
class CandidateBatchesTest {

    @Test
    void everySymmetryMovesTheBoxWithThePixels() {
        int s = CandidateCrops.SIDE;
        int c = CandidateCrops.CHANNELS;
        for (int t = 0; t < 8; t++) {
            // a lit rectangle and its box as fractions of the side
            float[] crop = new float[CandidateCrops.SIZE];
            for (int y = 4; y < 10; y++) {
                for (int x = 20; x < 30; x++) {
                    crop[(y * s + x) * c] = 1;
                }
            }
            float[] box = {20f / s, 4f / s, 30f / s, 10f / s};
            float[] turned = new float[CandidateCrops.SIZE];
            Dihedral.turn(crop, 0, s, c, t, turned, 0);
            Dihedral.turnBox(box, 0, t);
            int x1 = s;
            int y1 = s;
            int x2 = 0;
            int y2 = 0;
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    if (turned[(y * s + x) * c] > 0) {
                        x1 = Math.min(x1, x);
                        y1 = Math.min(y1, y);
                        x2 = Math.max(x2, x + 1);
                        y2 = Math.max(y2, y + 1);
                    }
                }
            }
            assertArrayEquals(new float[] {(float) x1 / s, (float) y1 / s, (float) x2 / s, (float) y2 / s}, box,
                    1e-6f, "symmetry " + t);
        }
    }

    @Test
    void keepsTheMostConfidentOfOverlappingDetectionsOfOneType() {
        List<Detection> kept = CandidateClassifier.suppressDuplicates(List.of(
                new Detection(10, 10, 40, 40, "short", 0.7), new Detection(12, 11, 41, 42, "short", 0.9),
                new Detection(12, 11, 41, 42, "open", 0.3), new Detection(100, 100, 120, 120, "short", 0.5)));
        assertEquals(3, kept.size());
        assertEquals(0.9, kept.get(0).score());
    }
}
