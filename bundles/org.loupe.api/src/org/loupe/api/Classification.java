package org.loupe.api;

import java.util.Map;
import java.util.Objects;

/**
 * The verdict of a classifier: the chosen label, its confidence, and any further figures the classifier can explain
 * itself with (per-class scores, a distance to the golden image).
 *
 * @param label      chosen class
 * @param confidence confidence in the chosen class, 0..1
 * @param details    further named figures, e.g. {"distance": 0.83}
 */
public record Classification(String label, double confidence, Map<String, Double> details) {

    /** Copies the details and checks the confidence. */
    public Classification {
        Objects.requireNonNull(label, "label");
        details = Map.copyOf(details);
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence out of [0, 1]: " + confidence);
        }
    }
}
