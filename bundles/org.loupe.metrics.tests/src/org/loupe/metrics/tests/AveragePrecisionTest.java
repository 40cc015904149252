package org.loupe.metrics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loupe.api.Detection;
import org.loupe.metrics.detection.AnnotatedImage;
import org.loupe.metrics.detection.ApInterpolation;
import org.loupe.metrics.detection.ClassResult;
import org.loupe.metrics.detection.Counts;
import org.loupe.metrics.detection.DetectionEvaluation;
import org.loupe.metrics.detection.GroundTruth;
import org.loupe.metrics.detection.MatchRule;

/**
 * Worked examples, computed by hand below. The main one has three objects of class "c" (G1 and G2 in image A,
 * G3 in image B) and four predictions:
 * <pre>
 *   p1 0.9 A (0,0,10,10)   IoU 1 with G1                        TP
 *   p2 0.8 A (1,1,11,11)   IoU 81/119 with G1, already taken      FP (duplicate)
 *   p3 0.7 B (0,0,10,10)   IoU 1 with G3                        TP
 *   p4 0.6 A (50,50,60,60) no overlap                            FP      (G2 is never found)
 * cumulative TP 1 1 2 2; precision 1, 1/2, 2/3, 1/2; recall 1/3, 1/3, 2/3, 2/3
 * monotone precision: 1, 2/3, 2/3, 1/2
 * all-point AP = 1/3 * 1 + 1/3 * 2/3 = 5/9
 * VOC 11-point: recall 0, .1, .2, .3 reach 1/3 (precision 1); .4, .5, .6 reach 2/3 (2/3); .7 ... 1 never (0)
 *               = (4 * 1 + 3 * 2/3) / 11 = 6/11
 * COCO 101-point: .00 ... .33 give 1 (34 points), .34 ... .66 give 2/3 (33 points), .67 ... 1 give 0
 *               = (34 + 22) / 101 = 56/101
 * </pre>
 */
class AveragePrecisionTest {

    private static final List<AnnotatedImage> EXAMPLE = List.of(
            new AnnotatedImage("A", List.of(new GroundTruth(0, 0, 10, 10, "c"), new GroundTruth(20, 20, 30, 30, "c")),
                    List.of(new Detection(0, 0, 10, 10, "c", 0.9), new Detection(1, 1, 11, 11, "c", 0.8),
                            new Detection(50, 50, 60, 60, "c", 0.6))),
            new AnnotatedImage("B", List.of(new GroundTruth(0, 0, 10, 10, "c")),
                    List.of(new Detection(0, 0, 10, 10, "c", 0.7))));

    private static double ap(List<AnnotatedImage> images, ApInterpolation how) {
        return new DetectionEvaluation(images).meanAveragePrecision(MatchRule.VOC, how);
    }

    @Test
    void allPointAverageIsFiveNinths() {
        assertEquals(5.0 / 9, ap(EXAMPLE, ApInterpolation.ALL_POINT), 1e-12);
    }

    @Test
    void vocElevenPointAverageIsSixElevenths() {
        assertEquals(6.0 / 11, ap(EXAMPLE, ApInterpolation.VOC_11_POINT), 1e-12);
    }

    @Test
    void cocoHundredAndOnePointAverageIsFiftySixOverHundredAndOne() {
        assertEquals(56.0 / 101, ap(EXAMPLE, ApInterpolation.COCO_101_POINT), 1e-12);
    }

    @Test
    void countsAtAScoreThresholdKeepOnlyConfidentPredictions() {
        // score >= 0.65 keeps p1 (TP), p2 (FP), p3 (TP): TP 2, FP 1, and G2 missed: FN 1
        Counts c = new DetectionEvaluation(EXAMPLE).overall(MatchRule.VOC, 0.65);
        assertEquals(new Counts(2, 1, 1), c);
        assertEquals(2.0 / 3, c.precision(), 1e-12);
        assertEquals(2.0 / 3, c.recall(), 1e-12);
        assertEquals(2.0 / 3, c.f1(), 1e-12);
    }

    @Test
    void tiedScoresKeepTheirOrderSoTheResultIsReproducible() {
        // two predictions at 0.5: the first (image order) misses, the second hits the only object.
        // order FP, TP: precision 0, 1/2; recall 0, 1; monotone precision 1/2, 1/2; AP = 1 * 1/2
        List<AnnotatedImage> tie = List.of(
                new AnnotatedImage("A", List.of(), List.of(new Detection(0, 0, 5, 5, "c", 0.5))),
                new AnnotatedImage("B", List.of(new GroundTruth(0, 0, 5, 5, "c")),
                        List.of(new Detection(0, 0, 5, 5, "c", 0.5))));
        assertEquals(0.5, ap(tie, ApInterpolation.ALL_POINT), 1e-12);
    }

    @Test
    void aClassWithObjectsButNoPredictionsHasApZero() {
        List<AnnotatedImage> none = List.of(new AnnotatedImage("A", List.of(new GroundTruth(0, 0, 5, 5, "c")),
                List.of()));
        ClassResult r = new DetectionEvaluation(none).perClass(MatchRule.VOC, ApInterpolation.ALL_POINT, 0.5).get(0);
        assertEquals(0, r.averagePrecision());
        assertEquals(new Counts(0, 0, 1), r.atThreshold());
        assertTrue(Double.isNaN(r.atThreshold().precision()), "precision without predictions is undefined");
        assertEquals(0, r.atThreshold().recall());
    }

    @Test
    void aClassWithPredictionsButNoObjectsIsLeftOutOfTheMean() {
        // class "a" is perfect (AP 1); class "b" has only a false alarm and no objects: its AP is undefined
        List<AnnotatedImage> images = List.of(new AnnotatedImage("A", List.of(new GroundTruth(0, 0, 5, 5, "a")),
                List.of(new Detection(0, 0, 5, 5, "a", 0.9), new Detection(9, 9, 12, 12, "b", 0.8))));
        DetectionEvaluation e = new DetectionEvaluation(images);
        assertTrue(Double.isNaN(e.perClass(MatchRule.VOC, ApInterpolation.ALL_POINT, 0.5).get(1).averagePrecision()));
        assertEquals(1.0, e.meanAveragePrecision(MatchRule.VOC, ApInterpolation.ALL_POINT));
        assertTrue(Double.isNaN(e.perClass(MatchRule.VOC, ApInterpolation.ALL_POINT, 0.5).get(1).atThreshold()
                .recall()), "recall without objects is undefined");
    }

    @Test
    void anEmptyDataSetHasNoMeanAveragePrecision() {
        assertTrue(Double.isNaN(new DetectionEvaluation(List.of()).meanAveragePrecision(MatchRule.VOC,
                ApInterpolation.ALL_POINT)));
    }

    @Test
    void aPredictionOfTheWrongClassIsAFalsePositive() {
        List<AnnotatedImage> images = List.of(new AnnotatedImage("A", List.of(new GroundTruth(0, 0, 5, 5, "short")),
                List.of(new Detection(0, 0, 5, 5, "open", 0.9))));
        assertEquals(new Counts(0, 1, 1), new DetectionEvaluation(images).overall(MatchRule.VOC, 0.5));
    }
}
