package org.loupe.metrics.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.loupe.api.Detection;

/**
 * What became of one image's predictions and annotated objects under a matching rule, as the data-set measures count
 * them: each prediction found an object or is a false alarm, each object was found or missed. What a viewer colours
 * when it lays the ground truth over a detector's boxes or a patch classifier's decisions.
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

    /**
     * Matches region decisions without classes, as a patch classifier flags windows of a board: a flagged region
     * found an object when it overlaps the object's box at all (a defect cut by the patch border still lies in it),
     * else it is a false alarm; an object no flagged region overlaps is missed.
     */
    public static ImageErrors ofRegions(List<Detection> flagged, List<GroundTruth> truth) {
        List<Detection> found = new ArrayList<>();
        List<Detection> falseAlarms = new ArrayList<>();
        for (Detection d : flagged) {
            (truth.stream().anyMatch(g -> overlaps(d, g)) ? found : falseAlarms).add(d);
        }
        List<GroundTruth> matched = new ArrayList<>();
        List<GroundTruth> missed = new ArrayList<>();
        for (GroundTruth g : truth) {
            (flagged.stream().anyMatch(d -> overlaps(d, g)) ? matched : missed).add(g);
        }
        return new ImageErrors(found, falseAlarms, matched, missed);
    }

    /**
     * Both matchings of one image's objects together, e.g. a detector's boxes and a patch classifier's flags: the
     * predictions of both, an object matched when either found it, missed when both missed it.
     */
    public ImageErrors and(ImageErrors other) {
        List<Detection> found = new ArrayList<>(this.found);
        found.addAll(other.found);
        List<Detection> falseAlarms = new ArrayList<>(this.falseAlarms);
        falseAlarms.addAll(other.falseAlarms);
        List<GroundTruth> missed = this.missed.stream().filter(other.missed::contains).toList();
        List<GroundTruth> matched = new ArrayList<>(this.matched);
        other.matched.stream().filter(g -> !matched.contains(g)).forEach(matched::add);
        return new ImageErrors(found, falseAlarms, matched, missed);
    }

    private static boolean overlaps(Detection d, GroundTruth g) {
        return d.x1() < g.x2() && g.x1() < d.x2() && d.y1() < g.y2() && g.y1() < d.y2();
    }
}
