package org.loupe.metrics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loupe.api.Detection;
import org.loupe.metrics.detection.AnnotatedImage;
import org.loupe.metrics.detection.CocoEvaluation;
import org.loupe.metrics.detection.GroundTruth;

/** COCO's protocol on fixtures whose figures are derived by hand in the comments. */
class CocoEvaluationTest {

    /**
     * Two annotations, three detections: 0.9 on the first (IoU 1), 0.8 on nothing, 0.7 on the second with IoU 0.64
     * (its lower 64% of the box). At IoU thresholds up to 0.60 the third is a hit: recall .5, .5,
     * 1 and precision 1, 1/2, 2/3, made monotone 1, 2/3, 2/3; recall points 0 to .50 (51 of them) give 1, .51 to 1
     * (50) give 2/3: AP = (51 + 50 * 2/3) / 101. From 0.65 up it is a miss: recall stays .5, so 51 points give 1 and
     * 50 give 0: AP = 51 / 101. mAP@[.5:.95] = (3 * (51 + 100/3) + 7 * 51) / 1010.
     */
    @Test
    void aHitThatFailsHigherThresholdsCountsAtTheLowerOnesOnly() {
        GroundTruth first = new GroundTruth(0, 0, 10, 10, "c");
        GroundTruth second = new GroundTruth(20, 0, 30, 10, "c");
        // 20..30 x 0..10 against 20..30 x 0..6.4: intersection 64, union 100, IoU 0.64
        List<AnnotatedImage> images = List.of(new AnnotatedImage("a", List.of(first, second), List.of(
                new Detection(0, 0, 10, 10, "c", 0.9), new Detection(50, 50, 60, 60, "c", 0.8),
                new Detection(20, 0, 30, 6.4, "c", 0.7))));
        CocoEvaluation.Scores s = new CocoEvaluation(images).scores();
        double low = (51 + 50 * 2.0 / 3) / 101;
        double high = 51.0 / 101;
        assertEquals(low, s.map50(), 1e-12);
        assertEquals(high, s.map75(), 1e-12);
        assertEquals((3 * low + 7 * high) / 10, s.map(), 1e-12);
        assertEquals(s.map(), s.small(), 1e-12, "every box is small (area 100, 64)");
        assertTrue(Double.isNaN(s.medium()) && Double.isNaN(s.large()), "no medium or large annotations");
    }

    /**
     * 100 confident false alarms and then the one hit: COCO scores the 100 most confident detections per image and
     * class only, so the hit is never seen and AP is 0 (with 101 detections it would be 1/101 at every recall).
     */
    @Test
    void onlyTheHundredMostConfidentDetectionsPerImageCount() {
        List<Detection> dts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            dts.add(new Detection(100 + i, 100, 101 + i, 101, "c", 0.9));
        }
        dts.add(new Detection(0, 0, 10, 10, "c", 0.1));
        List<AnnotatedImage> images = List.of(new AnnotatedImage("a", List.of(new GroundTruth(0, 0, 10, 10, "c")),
                dts));
        assertEquals(0, new CocoEvaluation(images).scores().map50(), 0);
        List<AnnotatedImage> fewer = List.of(new AnnotatedImage("a", List.of(new GroundTruth(0, 0, 10, 10, "c")),
                dts.subList(1, dts.size())));
        assertEquals(1.0 / 100, new CocoEvaluation(fewer).scores().map50(), 1e-12,
                "99 false alarms first: precision 1/100 at the only recall, 1");
    }

    /**
     * A small and a large annotation, each hit; a medium false alarm. In the small range the large annotation and
     * its hit are ignored, and so is the medium false alarm (unmatched, outside the range): AP 1. In the large range
     * likewise: AP 1. Over all areas the false alarm (score 0.95, first) counts: recall 0, .5, 1 with precision
     * 0, 1/2, 2/3, monotone 2/3 everywhere: AP 2/3 at every threshold.
     */
    @Test
    void areaRangesIgnoreObjectsOutsideThem() {
        List<AnnotatedImage> images = List.of(new AnnotatedImage("a", List.of(new GroundTruth(0, 0, 10, 10, "c"),
                new GroundTruth(100, 100, 300, 300, "c")), List.of(new Detection(400, 400, 450, 450, "c", 0.95),
                new Detection(0, 0, 10, 10, "c", 0.9), new Detection(100, 100, 300, 300, "c", 0.8))));
        CocoEvaluation.Scores s = new CocoEvaluation(images).scores();
        assertEquals(1, s.small(), 1e-12);
        assertEquals(1, s.large(), 1e-12);
        assertTrue(Double.isNaN(s.medium()));
        assertEquals(2.0 / 3, s.map(), 1e-12);
    }
}
