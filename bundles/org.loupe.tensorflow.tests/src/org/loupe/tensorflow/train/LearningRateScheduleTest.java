package org.loupe.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void stepScheduleDropsByTheFactorAfterEachPeriod() {
        LearningRateSchedule s = LearningRateSchedule.step(1e-3f, 0.1f, 100);
        assertEquals(1e-3f, s.at(1));
        assertEquals(1e-3f, s.at(100));
        assertEquals(1e-4f, s.at(101), 1e-10);
        assertEquals(1e-5f, s.at(201), 1e-11);
    }

    @Test
    void cosineScheduleFallsMonotonicallyFromInitialToMinimumAndStaysThere() {
        LearningRateSchedule s = LearningRateSchedule.cosine(1e-3f, 1e-5f, 50);
        assertEquals(1e-3f, s.at(1));
        assertEquals((1e-3f + 1e-5f) / 2, s.at(26), 1e-9);
        assertEquals(1e-5f, s.at(51), 1e-12);
        assertEquals(1e-5f, s.at(500), 1e-12);
        for (long i = 1; i < 60; i++) {
            assertTrue(s.at(i + 1) <= s.at(i), "step " + i);
        }
    }
}
