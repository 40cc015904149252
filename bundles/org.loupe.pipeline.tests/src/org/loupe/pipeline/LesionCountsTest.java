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
import org.loupe.pipeline.liver.CaseTruth;

class LesionCountsTest {

    private static LesionCandidates.Candidate candidate(int id, double diameter) {
        return new LesionCandidates.Candidate(id, 10, new double[] {1, 1, 1}, 100, diameter, 1, 40, 50);
    }

    private static Classification called(String label) {
        return new Classification(label, 0.9, Map.of());
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
        assertEquals("missed", e.lesions().stream().filter(r -> r.lesion().id() == 2).findFirst().orElseThrow()
                .called());
    }
}
