package org.loupe.metrics.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.loupe.api.Detection;

/**
 * The greedy matching of predictions to annotated objects described in {@link MatchRule}, for one class over a whole
 * data set: each prediction, in order of descending score, is marked true or false positive.
 */
final class Matching {

    /** One prediction's outcome. */
    record Outcome(int image, Detection prediction, int truthIndex, double iou) {
        boolean truePositive() {
            return truthIndex >= 0;
        }
    }

    final List<Outcome> outcomes = new ArrayList<>();
    final int truthCount;

    private Matching(int truthCount) {
        this.truthCount = truthCount;
    }

    /** Matches the predictions of {@code label} with score at least {@code minScore}. */
    static Matching of(List<AnnotatedImage> images, String label, MatchRule rule, double minScore) {
        record Ranked(int image, int position, Detection d) {
        }
        List<Ranked> ranked = new ArrayList<>();
        List<List<GroundTruth>> truths = new ArrayList<>();
        int truthCount = 0;
        for (int i = 0; i < images.size(); i++) {
            AnnotatedImage img = images.get(i);
            List<GroundTruth> t = img.truth().stream().filter(g -> g.label().equals(label)).toList();
            truths.add(t);
            truthCount += t.size();
            List<Detection> p = img.predictions();
            for (int j = 0; j < p.size(); j++) {
                if (p.get(j).label().equals(label) && p.get(j).score() >= minScore) {
                    ranked.add(new Ranked(i, j, p.get(j)));
                }
            }
        }
        // List.sort is stable: equal scores keep image order, then list order
        ranked.sort(Comparator.comparingDouble((Ranked r) -> r.d().score()).reversed());
        boolean[][] taken = new boolean[images.size()][];
        for (int i = 0; i < images.size(); i++) {
            taken[i] = new boolean[truths.get(i).size()];
        }
        Matching m = new Matching(truthCount);
        for (Ranked r : ranked) {
            List<GroundTruth> t = truths.get(r.image());
            int best = -1;
            double bestIou = 0;
            for (int g = 0; g < t.size(); g++) {
                double iou = Iou.of(r.d(), t.get(g));
                if (!taken[r.image()][g] && rule.accepts(iou) && (best < 0 || iou > bestIou)) {
                    best = g;
                    bestIou = iou;
                }
            }
            if (best >= 0) {
                taken[r.image()][best] = true;
            }
            m.outcomes.add(new Outcome(r.image(), r.d(), best, bestIou));
        }
        return m;
    }

    int truePositives() {
        return (int) outcomes.stream().filter(Outcome::truePositive).count();
    }

    int falsePositives() {
        return outcomes.size() - truePositives();
    }
}
