package org.loupe.pipeline.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * The lesion-level trade-off of a tumour classifier over its probability of tumour: what sensitivity, specificity and
 * false tumour calls a threshold would give if a candidate were called tumour from that probability on. A reader
 * picks the operating point (say, sensitivity at specificity 0.9) on validation cases from it, and applies it to
 * the classifier ({@code classify.liver.lesion}'s {@code tumour-threshold}) before the test cases are scored.
 */
public final class LesionOperatingPoints {

    /** The thresholds {@code loupe eval lesions} lists. */
    public static final double[] THRESHOLDS = {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    /**
     * One threshold's figures.
     *
     * @param threshold            a candidate is called tumour when its probability of tumour reaches this
     * @param sensitivityFrom10Mm  tumours of 10 mm or more with a candidate called tumour, over all of them
     * @param sensitivity          all tumours likewise
     * @param specificity          cysts and candidates that are no lesion not called tumour, over all of them
     * @param falseTumoursPerCase  candidates of cysts or of no lesion called tumour, per case
     */
    public record Point(double threshold, double sensitivityFrom10Mm, double sensitivity, double specificity,
            double falseTumoursPerCase) {
    }

    private LesionOperatingPoints() {
    }

    /** The figures at each threshold; empty when the classifier gave no probability of tumour. */
    public static List<Point> of(LesionEvaluation e, double... thresholds) {
        if (e.candidates().stream().anyMatch(c -> Double.isNaN(c.tumourProbability()))) {
            return List.of();
        }
        List<Point> out = new ArrayList<>();
        for (double t : thresholds) {
            out.add(new Point(t, sensitivity(e, t, 10), sensitivity(e, t, 0), specificity(e, t),
                    e.cases() == 0 ? Double.NaN : (double) falseTumours(e, t) / e.cases()));
        }
        return out;
    }

    private static double sensitivity(LesionEvaluation e, double t, double fromMm) {
        List<LesionEvaluation.LesionRow> tumours = e.lesions().stream().filter(r -> r.truth().equals("tumour")
                && r.lesion().diameterMm() >= fromMm).toList();
        // a lesion without a candidate has NaN, which no threshold reaches: missed at every operating point
        long hit = tumours.stream().filter(r -> r.tumourProbability() >= t).count();
        return tumours.isEmpty() ? Double.NaN : (double) hit / tumours.size();
    }

    private static double specificity(LesionEvaluation e, double t) {
        long negatives = 0;
        long right = 0;
        for (LesionEvaluation.LesionRow r : e.lesions()) {
            if (r.truth().equals("cyst")) {
                negatives++;
                right += r.tumourProbability() >= t ? 0 : 1;
            }
        }
        for (LesionEvaluation.CandidateRow c : e.candidates()) {
            if (c.truth().equals("normal")) {
                negatives++;
                right += c.tumourProbability() >= t ? 0 : 1;
            }
        }
        return negatives == 0 ? Double.NaN : (double) right / negatives;
    }

    private static long falseTumours(LesionEvaluation e, double t) {
        return e.candidates().stream().filter(c -> !c.truth().equals("tumour") && c.tumourProbability() >= t)
                .count();
    }
}
