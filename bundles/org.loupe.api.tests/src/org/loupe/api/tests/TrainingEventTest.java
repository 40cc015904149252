package org.loupe.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.loupe.api.TrainingEvent;

class TrainingEventTest {

    private static TrainingEvent at(long iteration, long resumedFrom, long seconds) {
        return new TrainingEvent(1, iteration, 1000, resumedFrom, Duration.ofSeconds(seconds), 0.1, Double.NaN, 1e-3,
                Double.NaN);
    }

    @Test
    void theEtaFollowsThePaceSoFar() {
        assertEquals(Duration.ofSeconds(300), at(250, 0, 100).remaining());
    }

    @Test
    void aResumedRunMeasuresItsPaceFromWhereItResumed() {
        assertEquals(Duration.ofSeconds(100), at(900, 800, 100).remaining());
    }

    @Test
    void nothingDoneYetGivesNoEstimate() {
        assertEquals(Duration.ZERO, at(800, 800, 3).remaining());
    }
}
