package org.loupe.detect.rcnn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.loupe.metrics.detection.GroundTruth;

/** The packed targets teach what Faster R-CNN's would: sampled anchors with codes, and labelled regions. */
class RcnnTargetsTest {

    private final RcnnTargets targets = new RcnnTargets(64, List.of("crack", "scratch"));

    @Test
    void anchorCodesDecodeBackToTheirObjectAndSamplingIsBounded() {
        GroundTruth box = new GroundTruth(20, 18, 46, 40, "scratch");
        float[] t = new float[targets.size()];
        targets.write(List.of(box), new SplittableRandom(1), t, 0);
        double[] anchors = Anchors.grid(8, 8);
        int positives = 0;
        int sampled = 0;
        for (int a = 0; a < targets.anchorCount(); a++) {
            int o = a * RcnnTargets.perAnchor();
            sampled += (int) t[o];
            if (t[o + 1] == 1) {
                positives++;
                double[] back = Anchors.decode(anchors, a * 4, t, o + 2, RcnnTargets.RPN_STD);
                assertEquals(20, back[0], 1e-3);
                assertEquals(40, back[3], 1e-3);
            }
        }
        assertTrue(positives >= 1 && positives <= RcnnTargets.ANCHORS_SAMPLED / 2, "positives " + positives);
        assertEquals(RcnnTargets.ANCHORS_SAMPLED, sampled);
    }

    @Test
    void regionsNearTheObjectAreLabelledWithItsClassAndTheOthersAreBackground() {
        GroundTruth box = new GroundTruth(20, 18, 46, 40, "scratch");
        float[] t = new float[targets.size()];
        targets.write(List.of(box), new SplittableRandom(2), t, 0);
        int base = targets.anchorCount() * RcnnTargets.perAnchor();
        int scratch = 0;
        int background = 0;
        for (int k = 0; k < RcnnTargets.REGIONS; k++) {
            int o = base + k * targets.perRegion();
            assertEquals(1f, t[o + 4], "every region is valid");
            assertEquals(1f, t[o + 5] + t[o + 6] + t[o + 7], 0, "one class per region");
            assertEquals(0f, t[o + 6], "no crack here");
            scratch += (int) t[o + 7];
            background += (int) t[o + 5];
        }
        assertTrue(scratch >= RcnnTargets.REGIONS / 8, "regions on the scratch: " + scratch);
        assertTrue(background >= RcnnTargets.REGIONS / 2, "background regions: " + background);
    }

    @Test
    void aCropWithoutObjectsSamplesOnlyNegatives() {
        float[] t = new float[targets.size()];
        targets.write(List.of(), new SplittableRandom(3), t, 0);
        for (int a = 0; a < targets.anchorCount(); a++) {
            assertEquals(0f, t[a * RcnnTargets.perAnchor() + 1]);
        }
    }
}
