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

    /** HU at a voxel of a hand-made CT. */
    private interface Hu {
        double at(int i, int j, int k);
    }

    /** A CT of 5 slices of 1 mm voxels. */
    private static Volume liverCt(int w, int h, Hu hu) {
        Volume ct = Volume.create(w, h, 5, org.loupe.image.volume.VoxelGeometry.UNIT);
        for (int k = 0; k < 5; k++) {
            for (int j = 0; j < h; j++) {
                for (int i = 0; i < w; i++) {
                    ct.set(i, j, k, (float) hu.at(i, j, k));
                }
            }
        }
        return ct;
    }

    /** A liver mask covering the whole of {@code ct}. */
    private static Volume allLiver(Volume ct) {
        Volume liver = Volume.create(ct.width(), ct.height(), ct.depth(), ct.geometry());
        java.util.Arrays.fill(liver.data(), 1);
        return liver;
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
        // measured: 1,294 over these 12 cases, most of them specks of low-dose noise and bays of neighbouring tissue
        // the closing brings in (the classifier's "normal"); 1,216 before regions were split between their cores,
        // 216 with regions from 30 mm³ and a core 3.5 spreads deep, which lost one large lesion here at the low dose
        assertTrue(falseCandidates <= 1450, "candidates that are no lesion: " + falseCandidates);
    }

    @Test
    void aLiverWithoutDarkRegionsHasNoCandidates() throws LoupeException {
        Volume ct = liverCt(40, 40, (i, j, k) -> 100);
        assertEquals(0, LesionCandidates.find(ct, allLiver(ct), ProcessingContext.none()).candidates().size());
    }

    @Test
    void aPatchIsCentredOnItsCandidateAndGrowsWithIt() throws LoupeException {
        Volume ct = liverCt(60, 60, (i, j, k) -> Math.hypot(i - 30, j - 25) <= 6 && k >= 1 && k <= 3 ? 20 : 100);
        LesionCandidates.Found found = LesionCandidates.find(ct, allLiver(ct), ProcessingContext.none());
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

    @Test
    void twoDarkCoresJoinedByAShallowBridgeAreTwoCandidates() throws LoupeException {
        Volume ct = liverCt(60, 40, (i, j, k) -> {
            boolean slab = k >= 1 && k <= 3;
            if (slab && Math.hypot(i - 15, j - 20) <= 5) {
                return 20; // a cyst-dark core
            } else if (slab && Math.hypot(i - 45, j - 20) <= 4) {
                return 50; // a metastasis-dark core
            } else if (slab && i > 15 && i < 45 && Math.abs(j - 20) <= 2) {
                return 79; // 21 HU below the liver: past the region threshold (20), short of the core's (22)
            }
            return 100;
        });
        LesionCandidates.Found found = LesionCandidates.find(ct, allLiver(ct), ProcessingContext.none());
        assertEquals(2, found.candidates().size(), "one candidate per core, not one merged region");
        double[] a = found.candidates().get(0).centre();
        double[] b = found.candidates().get(1).centre();
        double[] left = a[0] < b[0] ? a : b;
        double[] right = a[0] < b[0] ? b : a;
        // each keeps its half of the bridge, so the centres lean towards the middle, but stay near their cores
        assertEquals(15, left[0], 4);
        assertEquals(45, right[0], 4);
        assertEquals(20, left[1], 0.5);
        assertEquals(20, right[1], 0.5);
    }
}
