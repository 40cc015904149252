package org.loupe.metrics.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.loupe.api.Detection;

/**
 * What became of one image's predictions and annotated objects under a matching rule, as the data-set measures count
 * them: each prediction found an object or is a false alarm, each object was found or missed. What a viewer colours
 * when it lays the ground truth over a detector's boxes.
 *
 * @param found       predictions matched to an object
 * @param falseAlarms predictions matched to none
 * @param matched     objects a prediction found
 * @param missed      objects no prediction found
 */
public record ImageErrors(List<Detection> found, List<Detection> falseAlarms, List<GroundTruth> matched,
        List<GroundTruth> missed) {

    /** Copies the lists. */
    public ImageErrors {
        found = List.copyOf(found);
        falseAlarms = List.copyOf(falseAlarms);
        matched = List.copyOf(matched);
        missed = List.copyOf(missed);
    }

    /**
     * Matches one image class by class with the data-set measures' greedy matching (see {@link MatchRule}),
     * predictions below {@code scoreThreshold} left out.
     */
    public static ImageErrors of(AnnotatedImage image, MatchRule rule, double scoreThreshold) {
        TreeSet<String> labels = new TreeSet<>();
        image.truth().forEach(g -> labels.add(g.label()));
        image.predictions().forEach(d -> labels.add(d.label()));
        List<Detection> found = new ArrayList<>();
        List<Detection> falseAlarms = new ArrayList<>();
        List<GroundTruth> matched = new ArrayList<>();
        List<GroundTruth> missed = new ArrayList<>();
        for (String label : labels) {
            List<GroundTruth> truth = image.truth().stream().filter(g -> g.label().equals(label)).toList();
            boolean[] taken = new boolean[truth.size()];
            for (Matching.Outcome o : Matching.of(List.of(image), label, rule, scoreThreshold).outcomes) {
                if (o.truePositive()) {
                    found.add(o.prediction());
                    taken[o.truthIndex()] = true;
                } else {
                    falseAlarms.add(o.prediction());
                }
            }
            for (int i = 0; i < truth.size(); i++) {
                (taken[i] ? matched : missed).add(truth.get(i));
            }
        }
        return new ImageErrors(found, falseAlarms, matched, missed);
    }
}
