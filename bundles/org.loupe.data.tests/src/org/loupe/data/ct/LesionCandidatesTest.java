package org.loupe.data.ct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.GrayF32;
import org.loupe.image.volume.Volume;

class LesionCandidatesTest {

    private static LiverPhantom.Case make(long seed, LiverPhantom.Dose dose) throws LoupeException {
        return LiverPhantom.generate(seed, 256, 64, dose, ProcessingContext.none());
    }

    @Test
    void lesionsOfTenMillimetresOrMoreAreCandidatesAndNoiseMostlyIsNot() throws LoupeException {
        int large = 0;
        int falseCandidates = 0;
        for (LiverPhantom.Dose dose : LiverPhantom.Dose.values()) {
            for (long seed = 11; seed <= 16; seed++) {
                LiverPhantom.Case c = make(seed, dose);
                LesionCandidates.Found found = LesionCandidates.find(c.ct(), c.liver(), ProcessingContext.none());
                int[] truth = LesionCandidates.truth(found, c.tumours());
                Set<Integer> hit = new HashSet<>();
                for (int t : truth) {
                    hit.add(t);
                    falseCandidates += t == 0 ? 1 : 0;
                }
                for (Tumour t : c.truth()) {
                    if (t.diameterMm() >= 10) {
                        large++;
                        assertTrue(hit.contains(t.id()), dose + " " + seed + ": " + t + " has no candidate");
                    }
                }
            }
        }
        assertTrue(large >= 12, "too few large lesions to test: " + large);
        // measured: 1,216 over these 12 cases, most of them specks of low-dose noise and bays of neighbouring tissue
        // the closing brings in (the classifier's "normal"); 216 with regions from 30 mm³ and a core 3.5 spreads
        // deep, which lost one large lesion here at the low dose
        assertTrue(falseCandidates <= 1400, "candidates that are no lesion: " + falseCandidates);
    }

    @Test
    void aLiverWithoutDarkRegionsHasNoCandidates() throws LoupeException {
        Volume ct = Volume.create(40, 40, 10, org.loupe.image.volume.VoxelGeometry.UNIT);
        Volume liver = Volume.create(40, 40, 10, org.loupe.image.volume.VoxelGeometry.UNIT);
        for (int p = 0; p < ct.data().length; p++) {
            ct.data()[p] = 100;
            liver.data()[p] = 1;
        }
        assertEquals(0, LesionCandidates.find(ct, liver, ProcessingContext.none()).candidates().size());
    }

    @Test
    void aPatchIsCentredOnItsCandidateAndGrowsWithIt() throws LoupeException {
        Volume ct = Volume.create(60, 60, 5, org.loupe.image.volume.VoxelGeometry.UNIT);
        Volume liver = Volume.create(60, 60, 5, org.loupe.image.volume.VoxelGeometry.UNIT);
        for (int k = 0; k < 5; k++) {
            for (int j = 0; j < 60; j++) {
                for (int i = 0; i < 60; i++) {
                    boolean lesion = Math.hypot(i - 30, j - 25) <= 6 && k >= 1 && k <= 3;
                    ct.set(i, j, k, lesion ? 20 : 100);
                    liver.set(i, j, k, 1);
                }
            }
        }
        LesionCandidates.Found found = LesionCandidates.find(ct, liver, ProcessingContext.none());
        assertEquals(1, found.candidates().size());
        LesionCandidates.Candidate c = found.candidates().get(0);
        assertEquals(30, c.centre()[0], 0.5);
        assertEquals(25, c.centre()[1], 0.5);
        assertEquals(12, c.diameterMm(), 2.5);
        GrayF32 patch = LesionPatches.cut(ct, c, "p");
        assertEquals(LesionPatches.SIDE, patch.width());
        int mid = LesionPatches.SIDE / 2;
        assertEquals(20, patch.get(mid, mid), 1, "centre is the lesion");
        assertEquals(100, patch.get(0, 0), 1, "corner is liver");
        assertEquals(LesionPatches.fieldOfView(c.diameterMm()), 2 * c.diameterMm() + 8, 1e-9);
    }
}
