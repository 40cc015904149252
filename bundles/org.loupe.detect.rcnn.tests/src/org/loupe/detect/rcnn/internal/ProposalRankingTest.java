package org.loupe.detect.rcnn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The first stage's anchors are ranked by objectness, negative logits included, before suppression. */
class ProposalRankingTest {

    @Test
    void theLargestValuesComeFirstWhateverTheirSign() {
        float[] logits = {-3f, 2.5f, -0.5f, 0f, 7f, -10f, 2.5f};
        assertArrayEquals(new int[] {4, 6, 1, 3}, RcnnModel.largest(logits, 4));
        assertArrayEquals(new int[] {4, 6, 1, 3, 2, 0, 5}, RcnnModel.largest(logits, 100));
    }
}
