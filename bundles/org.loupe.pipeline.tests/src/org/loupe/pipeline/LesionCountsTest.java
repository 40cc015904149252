package org.loupe.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loupe.api.Classification;
import org.loupe.data.ct.LesionCandidates;
import org.loupe.data.ct.Tumour;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;
import org.loupe.pipeline.evaluation.LesionEvaluation;
import org.loupe.pipeline.evaluation.LesionOperatingPoints;
import org.loupe.pipeline.liver.CaseTruth;

class LesionCountsTest {

    private static LesionCandidates.Candidate candidate(int id, double diameter) {
        return new LesionCandidates.Candidate(id, 10, new double[] {1, 1, 1}, 100, diameter, 1, 40, 50);
    }

    private static Classification called(String label) {
        return new Classification(label, 0.9, Map.of());
    }

    private static Classification tumourProbability(double p) {
        return new Classification(p >= 0.5 ? "tumour" : "normal", Math.max(p, 1 - p), Map.of(
                LesionEvaluation.TUMOUR_PROBABILITY, p));
    }

    @Test
    void aLesionIsCalledWhatItsMostSuspiciousCandidateIsAndEveryMissCounts() {
        // lesion 1, a 15 mm tumour, has candidates 1 (called normal) and 2 (called tumour); lesion 2, a 12 mm tumour,
        // has no candidate; lesion 3, a cyst, is candidate 3, called cyst; candidate 4 is no lesion, called tumour
        Map<Integer, Tumour> truth = Map.of(1, new Tumour(1, "metastasis", 0, 0, 0, 15, 5),
                2, new Tumour(2, "metastasis", 0, 0, 0, 12, 6), 3, new Tumour(3, "cyst", 0, 0, 0, 20, 7));
        LesionCandidates.Found found = new LesionCandidates.Found(List.of(candidate(1, 8), candidate(2, 14),
                candidate(3, 19), candidate(4, 6)), Volume.create(2, 2, 2, VoxelGeometry.UNIT), 100, 6);
        LesionEvaluation e = LesionEvaluation.ofCase("c", List.of(called("normal"), called("tumour"),
                called("cyst"), called("tumour")), found, new CaseTruth.Covered(truth, new int[] {1, 1, 3, 0}));
        assertEquals(0.5, e.tumourSensitivity(10, Double.MAX_VALUE), "lesion 1 found, lesion 2 missed");
        Map<String, Double> counts = e.counts();
        assertEquals(2, counts.get(LesionEvaluation.TUMOURS_10));
        assertEquals(1, counts.get(LesionEvaluation.TUMOURS_10_CALLED));
        assertEquals(2, counts.get(LesionEvaluation.NEGATIVES), "the cyst and candidate 4");
        assertEquals(1, counts.get(LesionEvaluation.NEGATIVES_RIGHT));
        assertEquals(1, counts.get(LesionEvaluation.FALSE_TUMOURS));
        Map<String, Double> run = LesionEvaluation.fromCounts(counts, 1);
        assertEquals(0.5, run.get("specificity for tumour"));
        assertEquals(1.0, run.get("false tumour calls per case"));
        LesionEvaluation.CandidateRow fourth = e.candidates().get(3);
        assertEquals(List.of("normal", "tumour", 100.0, 50.0), List.of(fourth.truth(), fourth.predicted(),
                fourth.volumeMm3(), fourth.depthHu()), "a candidate row keeps what the stage measured");
        assertEquals("missed", e.lesions().stream().filter(r -> r.lesion().id() == 2).findFirst().orElseThrow()
                .called());
    }

    @Test
    void anOperatingPointCountsALesionAsCalledWhenAnyOfItsCandidatesReachesTheThreshold() {
        // lesion 1, a 15 mm tumour: candidates 1 (p 0.2) and 2 (p 0.35); lesion 2, a 12 mm tumour: no candidate;
        // lesion 3, a 5 mm tumour: candidate 3 (p 0.6); lesion 4, a cyst: candidate 4 (p 0.25); candidates 5 and
        // 6 are no lesion (p 0.1 and 0.4); two cases
        Map<Integer, Tumour> truth = Map.of(1, new Tumour(1, "metastasis", 0, 0, 0, 15, 5),
                2, new Tumour(2, "metastasis", 0, 0, 0, 12, 6), 3, new Tumour(3, "metastasis", 0, 0, 0, 5, 6),
                4, new Tumour(4, "cyst", 0, 0, 0, 20, 7));
        LesionCandidates.Found found = new LesionCandidates.Found(List.of(candidate(1, 8), candidate(2, 14),
                candidate(3, 5), candidate(4, 19), candidate(5, 6), candidate(6, 6)), Volume.create(2, 2, 2,
                VoxelGeometry.UNIT), 100, 6);
        LesionEvaluation one = LesionEvaluation.ofCase("c", List.of(tumourProbability(0.2), tumourProbability(0.35),
                tumourProbability(0.6), tumourProbability(0.25), tumourProbability(0.1), tumourProbability(0.4)),
                found, new CaseTruth.Covered(truth, new int[] {1, 1, 3, 4, 0, 0}));
        LesionEvaluation e = new LesionEvaluation(one.candidates(), one.lesions(), 2, List.of());
        List<LesionOperatingPoints.Point> points = LesionOperatingPoints.of(e, 0.3, 0.5);
        LesionOperatingPoints.Point low = points.get(0);
        assertEquals(0.5, low.sensitivityFrom10Mm(), "lesion 1 by candidate 2; lesion 2 has none");
        assertEquals(2.0 / 3, low.sensitivity(), 1e-12);
        assertEquals(2.0 / 3, low.specificity(), 1e-12, "the cyst and candidate 5 right, candidate 6 wrong");
        assertEquals(0.5, low.falseTumoursPerCase(), "candidate 6 in two cases");
        LesionOperatingPoints.Point high = points.get(1);
        assertEquals(0.0, high.sensitivityFrom10Mm());
        assertEquals(1.0 / 3, high.sensitivity(), 1e-12, "lesion 3 alone");
        assertEquals(1.0, high.specificity());
        assertEquals(0.0, high.falseTumoursPerCase());
    }

    @Test
    void aClassifierWithoutAProbabilityOfTumourHasNoOperatingPoints() {
        LesionCandidates.Found found = new LesionCandidates.Found(List.of(candidate(1, 8)), Volume.create(2, 2, 2,
                VoxelGeometry.UNIT), 100, 6);
        LesionEvaluation e = LesionEvaluation.ofCase("c", List.of(called("tumour")), found,
                new CaseTruth.Covered(Map.of(), new int[] {0}));
        assertEquals(List.of(), LesionOperatingPoints.of(e, 0.5));
    }
}
