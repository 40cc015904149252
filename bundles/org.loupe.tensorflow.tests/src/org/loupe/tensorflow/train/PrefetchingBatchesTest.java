package org.loupe.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PrefetchingBatchesTest {

    private static Batch numbered(long i) {
        return new Batch(new float[] {i}, new long[] {1}, new float[] {i}, new long[] {1});
    }

    @Test
    void batchesComeOutInIndexOrderFromTheFirstIndexAsked() throws Exception {
        try (PrefetchingBatches b = new PrefetchingBatches(PrefetchingBatchesTest::numbered, 10, 3)) {
            for (int i = 10; i < 30; i++) {
                assertEquals(i, b.next().input()[0]);
            }
        }
    }

    @Test
    void aFailureOfTheSourceReachesTheTrainingThread() throws Exception {
        BatchSource failing = i -> {
            if (i == 2) {
                throw new IllegalStateException("corrupt training image");
            }
            return numbered(i);
        };
        try (PrefetchingBatches b = new PrefetchingBatches(failing, 0, 4)) {
            b.next();
            b.next();
            IllegalStateException e = assertThrows(IllegalStateException.class, b::next);
            assertEquals("corrupt training image", e.getMessage());
        }
    }
}
