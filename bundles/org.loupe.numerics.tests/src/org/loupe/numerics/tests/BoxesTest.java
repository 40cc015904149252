package org.loupe.numerics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loupe.api.Detection;
import org.loupe.numerics.regions.Boxes;

/** IoU and greedy non-maximum suppression, the box tools every detector backend shares. */
class BoxesTest {

    @Test
    void iouIsIntersectionOverUnionWithContinuousCoordinates() {
        assertEquals(1.0, Boxes.iou(0, 0, 10, 10, 0, 0, 10, 10), 0);
        assertEquals(25.0 / 175, Boxes.iou(0, 0, 10, 10, 5, 5, 15, 15), 1e-15);
        assertEquals(0.0, Boxes.iou(0, 0, 10, 10, 10, 0, 20, 10), 0, "touching boxes do not overlap");
        assertEquals(0.0, Boxes.iou(3, 3, 3, 3, 3, 3, 3, 3), 0, "empty boxes");
    }

    @Test
    void suppressionKeepsTheMostConfidentOfEachOverlappingGroupPerLabel() {
        Detection strong = new Detection(0, 0, 10, 10, "open", 0.9);
        Detection weakTwin = new Detection(1, 1, 11, 11, "open", 0.6);
        Detection otherLabel = new Detection(1, 1, 11, 11, "short", 0.7);
        Detection apart = new Detection(30, 30, 40, 40, "open", 0.5);
        Detection slightOverlap = new Detection(6, 6, 16, 16, "open", 0.8);
        assertEquals(List.of(strong, slightOverlap, otherLabel, apart), Boxes.suppressPerLabel(List.of(weakTwin,
                apart, otherLabel, strong, slightOverlap), 0.4));
    }
}
