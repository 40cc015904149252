package org.loupe.metrics.detection;

import java.util.ArrayList;
import java.util.List;
import org.loupe.api.Detection;

/**
 * Prediction within spec (PWS): the percentage of annotated defects that are found with the right class and located
 * and sized within a tolerance. A defect counts when a prediction scoring at least the score threshold is matched to
 * it under the match rule (greedy by score, one prediction per defect; see {@link MatchRule}) and that prediction's
 * box centre lies within {@link SpecTolerance#position()} pixels of the defect's, and its width and height each
 * differ from the defect's by at most {@link SpecTolerance#size()} of the defect's. Undefined (NaN) without annotated
 * defects. Where F1 asks "was it found", PWS asks "was it found well enough to act on".
 */
public final class PredictionWithinSpec {

    private PredictionWithinSpec() {
    }

    /** PWS in percent. */
    public static double percent(List<AnnotatedImage> images, MatchRule rule, double scoreThreshold,
            SpecTolerance tolerance) {
        DetectionEvaluation eval = new DetectionEvaluation(images);
        int truths = 0;
        int within = 0;
        for (String label : eval.labels()) {
            Matching m = Matching.of(images, label, rule, scoreThreshold);
            truths += m.truthCount;
            List<List<GroundTruth>> byImage = new ArrayList<>();
            for (AnnotatedImage img : images) {
                byImage.add(img.truth().stream().filter(g -> g.label().equals(label)).toList());
            }
            for (Matching.Outcome o : m.outcomes) {
                if (o.truePositive() && within(o.prediction(), byImage.get(o.image()).get(o.truthIndex()), tolerance)) {
                    within++;
                }
            }
        }
        return truths == 0 ? Double.NaN : 100.0 * within / truths;
    }

    static boolean within(Detection p, GroundTruth g, SpecTolerance t) {
        double dx = (p.x1() + p.x2()) / 2 - (g.x1() + g.x2()) / 2;
        double dy = (p.y1() + p.y2()) / 2 - (g.y1() + g.y2()) / 2;
        double gw = g.x2() - g.x1();
        double gh = g.y2() - g.y1();
        return Math.hypot(dx, dy) <= t.position()
                && Math.abs(p.width() - gw) <= t.size() * gw
                && Math.abs(p.height() - gh) <= t.size() * gh;
    }
}
