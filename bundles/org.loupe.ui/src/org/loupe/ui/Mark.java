package org.loupe.ui;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.loupe.api.Classification;
import org.loupe.api.Detection;

/**
 * One overlay on the open image: a detector's box or a classifier's decision on one patch, in image pixel coordinates
 * (x2, y2 exclusive), with its label and score.
 *
 * @param kind  what made it
 * @param label the detection's class or the patch's decision
 * @param score the detection's confidence or the decision's confidence, 0..1
 */
public record Mark(Kind kind, double x1, double y1, double x2, double y2, String label, double score) {

    /** What made a mark. */
    public enum Kind { DETECTION, PATCH }

    // classifiers name their passing verdict in their own words; these are the ones drawn as passing patches
    private static final Set<String> PASSING = Set.of(Classification.DEFECT_FREE, "ok", "good", "pass", "normal", "clean");

    /** Checks the box. */
    public Mark {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        if (!(x2 >= x1 && y2 >= y1)) {
            throw new IllegalArgumentException("inverted box " + x1 + "," + y1 + "," + x2 + "," + y2);
        }
    }

    /** The detections as marks. */
    public static List<Mark> of(List<Detection> detections) {
        return detections.stream().map(d -> new Mark(Kind.DETECTION, d.x1(), d.y1(), d.x2(), d.y2(), d.label(),
                d.score())).toList();
    }

    /** The mark as the detection (or patch decision) it shows, for matching against ground truth. */
    public Detection detection() {
        return new Detection(x1, y1, x2, y2, label, score);
    }

    /** Whether this is a patch that passed inspection (drawn faintly), rather than a finding. */
    public boolean passing() {
        return kind == Kind.PATCH && PASSING.contains(label.toLowerCase(Locale.ROOT));
    }

    /** Whether the image point lies inside the box. */
    public boolean contains(double x, double y) {
        return x >= x1 && x < x2 && y >= y1 && y < y2;
    }

    /** "mousebite 0.97 at 120,88 28x30". */
    public String describe() {
        return String.format(Locale.ROOT, "%s %.2f at %.0f,%.0f %.0fx%.0f", label, score, x1, y1, x2 - x1, y2 - y1);
    }
}
