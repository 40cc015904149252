package org.loupe.metrics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loupe.api.Detection;
import org.loupe.metrics.detection.AnnotatedImage;
import org.loupe.metrics.detection.DetectionEvaluation;
import org.loupe.metrics.detection.GroundTruth;
import org.loupe.metrics.detection.ImageErrors;
import org.loupe.metrics.detection.MatchRule;

class ImageErrorsTest {

    private static final GroundTruth SPUR = new GroundTruth(0, 0, 10, 10, "spur");
    private static final GroundTruth OPEN = new GroundTruth(50, 50, 60, 60, "open");
    private static final GroundTruth SHORT = new GroundTruth(100, 0, 110, 10, "short");
    // the confident spur takes the object; the second spur on it is a duplicate, so a false alarm; the open is found
    // only by a box of the wrong class; the short is not looked for at all
    private static final Detection FIRST = new Detection(1, 0, 11, 10, "spur", 0.9);
    private static final Detection DUPLICATE = new Detection(0, 1, 10, 11, "spur", 0.8);
    private static final Detection WRONG_CLASS = new Detection(50, 50, 60, 60, "short", 0.7);
    private static final AnnotatedImage BOARD = new AnnotatedImage("board", List.of(SPUR, OPEN, SHORT),
            List.of(DUPLICATE, WRONG_CLASS, FIRST));

    @Test
    void eachBoxIsFoundMissedOrAFalseAlarmAsTheDataSetMeasuresCountIt() {
        ImageErrors e = ImageErrors.of(BOARD, MatchRule.VOC, 0);
        assertEquals(List.of(FIRST), e.found());
        assertEquals(List.of(SPUR), e.matched());
        assertEquals(List.of(WRONG_CLASS, DUPLICATE), e.falseAlarms(), "by class (short before spur), then score");
        assertEquals(List.of(OPEN, SHORT), e.missed());
        var counts = new DetectionEvaluation(List.of(BOARD)).overall(MatchRule.VOC, 0);
        assertEquals(counts.truePositives(), e.found().size());
        assertEquals(counts.falsePositives(), e.falseAlarms().size());
        assertEquals(counts.falseNegatives(), e.missed().size());
    }

    @Test
    void aScoreThresholdLeavesWeakBoxesOutAndTheirObjectsMissed() {
        ImageErrors e = ImageErrors.of(BOARD, MatchRule.VOC, 0.95);
        assertEquals(List.of(), e.found());
        assertEquals(List.of(), e.falseAlarms());
        assertEquals(3, e.missed().size());
    }

    @Test
    void aFlaggedPatchFindsEveryObjectItOverlapsWhateverItsClassAndTouchingIsNotOverlapping() {
        Detection overSpurAndHalfOfNothing = new Detection(5, 5, 37, 37, "defective", 0.9);
        Detection touchingOpen = new Detection(18, 50, 50, 82, "defective", 0.6);
        ImageErrors e = ImageErrors.ofRegions(List.of(overSpurAndHalfOfNothing, touchingOpen), BOARD.truth());
        assertEquals(List.of(overSpurAndHalfOfNothing), e.found());
        assertEquals(List.of(touchingOpen), e.falseAlarms());
        assertEquals(List.of(SPUR), e.matched());
        assertEquals(List.of(OPEN, SHORT), e.missed());
    }

    @Test
    void togetherAnObjectIsMissedOnlyWhenBothMatchingsMissedIt() {
        ImageErrors boxes = ImageErrors.of(BOARD, MatchRule.VOC, 0);
        Detection overShort = new Detection(96, 0, 128, 32, "defective", 0.8);
        ImageErrors patches = ImageErrors.ofRegions(List.of(overShort), BOARD.truth());
        ImageErrors both = boxes.and(patches);
        assertEquals(List.of(SPUR, SHORT), both.matched());
        assertEquals(List.of(OPEN), both.missed());
        assertEquals(List.of(FIRST, overShort), both.found());
        assertEquals(List.of(WRONG_CLASS, DUPLICATE), both.falseAlarms());
    }
}
