package org.loupe.api;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The verdict of a classifier: the chosen label, its confidence, and any further figures the classifier can explain
 * itself with (per-class scores, a distance to the golden image).
 *
 * @param label      chosen class
 * @param confidence confidence in the chosen class, 0..1
 * @param details    further named figures, e.g. {"distance": 0.83}, iterated in name order so that tables and
 *                   reports written from them come out the same in every run
 */
public record Classification(String label, double confidence, Map<String, Double> details) {

    /** The label of a part that has a defect, for classifiers that decide defective or not. */
    public static final String DEFECTIVE = "defective";
    /** The label of a part without a defect. */
    public static final String DEFECT_FREE = "defect-free";
    /** Detail: distance to the golden image in the classifier's embedding (larger means more different). */
    public static final String DISTANCE = "distance";
    /** Detail: the distance from which a part is called defective. */
    public static final String THRESHOLD = "threshold";

    /** Copies the details in name order and checks the confidence. */
    public Classification {
        Objects.requireNonNull(label, "label");
        details.forEach((k, v) -> Objects.requireNonNull(v, () -> "detail " + k));
        details = Collections.unmodifiableMap(new TreeMap<>(details));
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence out of [0, 1]: " + confidence);
        }
    }
}
