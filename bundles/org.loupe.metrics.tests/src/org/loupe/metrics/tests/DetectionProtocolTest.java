package org.loupe.metrics.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loupe.api.Detection;
import org.loupe.metrics.detection.AnnotatedImage;
import org.loupe.metrics.detection.ApInterpolation;
import org.loupe.metrics.detection.Counts;
import org.loupe.metrics.detection.DetectionEvaluation;
import org.loupe.metrics.detection.GroundTruth;
import org.loupe.metrics.detection.InspectionCost;
import org.loupe.metrics.detection.Iou;
import org.loupe.metrics.detection.MatchRule;
import org.loupe.metrics.detection.PredictionWithinSpec;
import org.loupe.metrics.detection.SpecTolerance;

class DetectionProtocolTest {

    // (5,0,15,10) against (0,0,10,10): intersection 50, union 150, IoU exactly 1/3
    private static final List<AnnotatedImage> THIRD = List.of(new AnnotatedImage("A",
            List.of(new GroundTruth(0, 0, 10, 10, "spur")), List.of(new Detection(5, 0, 15, 10, "spur", 0.9))));

    @Test
    void iouUsesContinuousCoordinates() {
        assertEquals(1.0 / 3, Iou.of(5, 0, 15, 10, 0, 0, 10, 10), 1e-15);
        assertEquals(0, Iou.of(0, 0, 5, 5, 5, 0, 10, 5), "touching boxes do not overlap");
    }

    @Test
    void deepPcbMatchesAboveOneThirdButVocDoesNot() {
        DetectionEvaluation e = new DetectionEvaluation(THIRD);
        assertEquals(new Counts(1, 0, 0), e.overall(MatchRule.DEEPPCB, 0));
        assertEquals(new Counts(0, 1, 1), e.overall(MatchRule.VOC, 0));
    }

    @Test
    void strictAndInclusiveThresholdsDifferExactlyAtTheThreshold() {
        DetectionEvaluation e = new DetectionEvaluation(THIRD);
        assertEquals(0, e.overall(new MatchRule(1.0 / 3, true), 0).truePositives());
        assertEquals(1, e.overall(new MatchRule(1.0 / 3, false), 0).truePositives());
    }

    @Test
    void cocoAveragesOverTenIouThresholds() {
        // IoU 0.9: a hit at 0.50, 0.55, ..., 0.90 (AP 1 each), a miss at 0.95 (AP 0): mean 9/10
        List<AnnotatedImage> images = List.of(new AnnotatedImage("A", List.of(new GroundTruth(0, 0, 10, 10, "c")),
                List.of(new Detection(0, 0, 10, 9, "c", 0.8))));
        assertEquals(0.9, new DetectionEvaluation(images).cocoMeanAveragePrecision(), 1e-12);
    }

    @Test
    void iouSensitivityShowsWhereAMatchIsLost() {
        var rows = new DetectionEvaluation(THIRD).iouSensitivity(MatchRule.VOC, new double[] {0.1, 0.3, 0.5, 0.7},
                0.5);
        assertEquals(List.of(1.0, 1.0, 0.0, 0.0), rows.stream().map(r -> r.meanAveragePrecision()).toList());
        assertEquals(1.0, rows.get(1).counts().f1());
    }

    @Test
    void predictionWithinSpecNeedsPositionAndSize() {
        // defect 1 found 1 px off, same size: within spec. Defect 2 (20,20,40,40) found as (20,20,32,32):
        // IoU 144/400 = 0.36 matches under DeepPCB, but the centre is 5.66 px off and the size 40% small: not within
        List<AnnotatedImage> images = List.of(new AnnotatedImage("A",
                List.of(new GroundTruth(0, 0, 10, 10, "open"), new GroundTruth(20, 20, 40, 40, "open")),
                List.of(new Detection(1, 1, 11, 11, "open", 0.9), new Detection(20, 20, 32, 32, "open", 0.8))));
        assertEquals(50.0, PredictionWithinSpec.percent(images, MatchRule.DEEPPCB, 0.5, SpecTolerance.DEFAULT));
        assertEquals(100.0, PredictionWithinSpec.percent(images, MatchRule.DEEPPCB, 0.5, new SpecTolerance(6, 0.5)));
    }

    @Test
    void inspectionCostWeighsMissesAndFalseAlarms() {
        Counts c = new Counts(7, 2, 1);
        assertEquals(1 * 500 + 2 * 50, InspectionCost.of(c, 500, 50));
        var table = InspectionCost.table(c, InspectionCost.DEFAULT_MISS_COSTS, InspectionCost.DEFAULT_FALSE_ALARM_COSTS);
        assertEquals(16, table.size());
        assertEquals(5000 + 2 * 500, table.get(15).total());
    }

    @Test
    void apPerClassIsReportedForEveryLabel() {
        var r = new DetectionEvaluation(THIRD).perClass(MatchRule.DEEPPCB, ApInterpolation.ALL_POINT, 0.5);
        assertEquals("spur", r.get(0).label());
        assertEquals(1.0, r.get(0).averagePrecision());
    }

    /**
     * One object; a false alarm at 0.9, the hit at 0.5. Misses cost 10 and alarms 1: keeping nothing costs 10, from
     * 0.9 a miss and an alarm 11, from 0.5 one alarm 1, the cheapest. Misses cost 1 and alarms 10: keeping nothing
     * (a threshold above 0.9) costs 1, the cheapest.
     */
    @Test
    void theCheapestThresholdWeighsMissesAgainstFalseAlarms() {
        List<AnnotatedImage> images = List.of(new AnnotatedImage("A", List.of(new GroundTruth(0, 0, 10, 10, "c")),
                List.of(new Detection(50, 50, 60, 60, "c", 0.9), new Detection(0, 0, 10, 10, "c", 0.5))));
        DetectionEvaluation e = new DetectionEvaluation(images);
        assertArrayEquals(new double[] {0.5, 1}, e.cheapestThreshold(MatchRule.VOC, 10, 1), 0);
        double[] none = e.cheapestThreshold(MatchRule.VOC, 1, 10);
        assertTrue(none[0] > 0.9, "above every score");
        assertEquals(1, none[1], 0);
        List<double[]> curve = e.precisionRecall("c", MatchRule.VOC);
        assertArrayEquals(new double[] {0, 0}, curve.get(0), 0);
        assertArrayEquals(new double[] {1, 0.5}, curve.get(1), 0);
    }
}
