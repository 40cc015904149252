package org.loupe.metrics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loupe.metrics.classification.BinaryScores;
import org.loupe.metrics.classification.ConfusionMatrix;
import org.loupe.metrics.classification.RunStatistics;

class ClassificationMetricsTest {

    // scores 0.9 0.8 0.8 0.6 0.4 0.3 with classes P P N P N N (a tie at 0.8 between a positive and a negative)
    private static final BinaryScores SCORES = new BinaryScores(new double[] {0.9, 0.8, 0.8, 0.6, 0.4, 0.3},
            new boolean[] {true, true, false, true, false, false});

    @Test
    void rocMovesTiedScoresTogether() {
        // (0,0) (0,1/3) (1/3,2/3) (1/3,1) (2/3,1) (1,1)
        var roc = SCORES.roc();
        assertEquals(6, roc.size());
        assertEquals(1.0 / 3, roc.get(2).falsePositiveRate(), 1e-12);
        assertEquals(2.0 / 3, roc.get(2).truePositiveRate(), 1e-12);
        assertEquals(0.8, roc.get(2).threshold());
    }

    @Test
    void aucIsTheMannWhitneyProbability() {
        // pairs won by positives: 0.9 beats 3, 0.8 beats 2 and ties 1 (2.5), 0.6 beats 2: 7.5 of 9
        assertEquals(7.5 / 9, SCORES.auc(), 1e-12);
    }

    @Test
    void theSweepPicksTheMostAccurateThreshold() {
        // at 0.5: TP 3, FP 1, TN 2, FN 0: accuracy 5/6, better than any other cut
        double t = SCORES.bestThreshold(BinaryScores.Criterion.accuracy());
        assertEquals(0.5, t, 1e-12);
        assertEquals(5.0 / 6, SCORES.at(t).accuracy(), 1e-12);
    }

    @Test
    void theSweepByCostFollowsWhatErrorsCost() {
        // misses cheap (1), false alarms dear (10): cutting above 0.8 (0.85) leaves 2 misses and no false alarm,
        // cost 2, the cheapest
        assertEquals(0.85, SCORES.bestThreshold(BinaryScores.Criterion.cost(1, 10)), 1e-12);
        // misses dear (10), false alarms cheap (1): at 0.5 nothing is missed and one false alarm costs 1
        assertEquals(0.5, SCORES.bestThreshold(BinaryScores.Criterion.cost(10, 1)), 1e-12);
    }

    @Test
    void rocNeedsBothClasses() {
        BinaryScores onlyPositive = new BinaryScores(new double[] {0.1, 0.2}, new boolean[] {true, true});
        assertThrows(IllegalArgumentException.class, onlyPositive::auc);
    }

    @Test
    void nanScoresAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new BinaryScores(new double[] {Double.NaN},
                new boolean[] {true}));
    }

    @Test
    void confusionMatrixRates() {
        List<String> labels = List.of("ok", "open", "short");
        ConfusionMatrix m = ConfusionMatrix.of(labels,
                List.of("ok", "ok", "ok", "open", "open", "short", "short", "short"),
                List.of("ok", "ok", "open", "open", "short", "short", "short", "ok"));
        assertEquals(8, m.total());
        assertEquals(5.0 / 8, m.accuracy(), 1e-12);
        // "short": TP 2 of 3 actual, predicted 3 times (1 false), 5 negatives of which 1 predicted short
        assertEquals(2.0 / 3, m.sensitivity("short"), 1e-12);
        assertEquals(2.0 / 3, m.precision("short"), 1e-12);
        assertEquals(4.0 / 5, m.specificity("short"), 1e-12);
        assertEquals(2.0 / 3, m.f1("short"), 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(labels, List.of("ok"), List.of("scratch")));
    }

    @Test
    void runsAreSummarisedAsMeanAndSampleStandardDeviation() {
        RunStatistics s = RunStatistics.of(0.90, 0.92, 0.94);
        assertEquals(0.92, s.mean(), 1e-12);
        assertEquals(0.02, s.std(), 1e-12);
        assertTrue(s.toString().startsWith("0.9200 ± 0.0200"), s.toString());
        assertThrows(IllegalArgumentException.class, () -> RunStatistics.of(0.9, Double.NaN));
    }
}
