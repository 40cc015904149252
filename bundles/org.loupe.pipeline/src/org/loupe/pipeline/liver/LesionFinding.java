package org.loupe.pipeline.liver;

import java.util.Map;
import org.loupe.api.Classification;
import org.loupe.data.ct.LesionCandidates;
import org.loupe.image.GrayF32;

/**
 * A candidate with the classifier's verdict on its patch and the heat maps that explain it (empty when the
 * classifier cannot explain itself, or called the candidate normal).
 *
 * @param candidate where and how large
 * @param patch     what the classifier saw, HU
 * @param verdict   its label and confidence
 * @param heatMaps  by method, the patch's size, values in [0, 1]
 */
public record LesionFinding(LesionCandidates.Candidate candidate, GrayF32 patch, Classification verdict,
        Map<String, GrayF32> heatMaps) {

    /** Copies the maps. */
    public LesionFinding {
        heatMaps = Map.copyOf(heatMaps);
    }
}
