package org.loupe.detect.classic.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small decision tree over {@link Shape} features that names a region's defect class, or {@link #NONE} for a
 * region that is no defect, with the purity of its leaf as confidence. Fitted by CART (Gini impurity, exhaustive
 * thresholds at midpoints, depth at most {@link #MAX_DEPTH}, leaves of at least {@link #MIN_LEAF} samples) on the
 * regions of training images labelled by the annotated box they overlap.
 *
 * @param feature   index into {@link Shape#FEATURES}, or -1 for a leaf
 * @param threshold regions with the feature below it go left
 * @param left      subtree below the threshold
 * @param right     subtree at or above it
 * @param label     a leaf's class
 * @param purity    a leaf's share of training samples of its class
 */
record ShapeTree(int feature, double threshold, ShapeTree left, ShapeTree right, String label, double purity) {

    /** The label of regions that are not defects. */
    static final String NONE = "none";
    static final int MAX_DEPTH = 3;
    static final int MIN_LEAF = 3;

    /** The rule an untrained detector uses on wafers: blobs are particles, thin straight lines scratches. */
    static ShapeTree defaults() {
        ShapeTree particle = leaf("particle", 0.8);
        ShapeTree crack = leaf("crack", 0.6);
        ShapeTree scratch = leaf("scratch", 0.8);
        return new ShapeTree(1, 2.5, particle, new ShapeTree(1, 9, crack, scratch, null, 0), null, 0);
    }

    static ShapeTree leaf(String label, double purity) {
        return new ShapeTree(-1, 0, null, null, label, purity);
    }

    /** The leaf a region falls in. */
    ShapeTree classify(Shape s) {
        ShapeTree t = this;
        while (t.feature >= 0) {
            t = s.value(t.feature) < t.threshold ? t.left : t.right;
        }
        return t;
    }

    /** Fits a tree to regions and their labels. */
    static ShapeTree fit(List<Shape> shapes, List<String> labels) {
        if (shapes.isEmpty()) {
            return leaf(NONE, 1);
        }
        return grow(shapes, labels, 0);
    }

    private static ShapeTree grow(List<Shape> shapes, List<String> labels, int depth) {
        Map<String, Integer> counts = counts(labels);
        String majority = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        ShapeTree leaf = leaf(majority, (double) counts.get(majority) / labels.size());
        if (depth == MAX_DEPTH || counts.size() == 1 || labels.size() < 2 * MIN_LEAF) {
            return leaf;
        }
        double best = gini(counts, labels.size());
        int bestFeature = -1;
        double bestThreshold = 0;
        for (int f = 0; f < Shape.FEATURES.length; f++) {
            int feature = f;
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < shapes.size(); i++) {
                order.add(i);
            }
            order.sort((a, b) -> Double.compare(shapes.get(a).value(feature), shapes.get(b).value(feature)));
            Map<String, Integer> left = new HashMap<>();
            Map<String, Integer> right = new HashMap<>(counts);
            for (int k = 0; k < order.size() - 1; k++) {
                String l = labels.get(order.get(k));
                left.merge(l, 1, Integer::sum);
                right.merge(l, -1, Integer::sum);
                double here = shapes.get(order.get(k)).value(f);
                double next = shapes.get(order.get(k + 1)).value(f);
                int nl = k + 1;
                int nr = order.size() - nl;
                if (here == next || nl < MIN_LEAF || nr < MIN_LEAF) {
                    continue;
                }
                double g = (nl * gini(left, nl) + nr * gini(right, nr)) / order.size();
                if (g < best - 1e-12) {
                    best = g;
                    bestFeature = f;
                    bestThreshold = (here + next) / 2;
                }
            }
        }
        if (bestFeature < 0) {
            return leaf;
        }
        List<Shape> ls = new ArrayList<>();
        List<String> ll = new ArrayList<>();
        List<Shape> rs = new ArrayList<>();
        List<String> rl = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            boolean below = shapes.get(i).value(bestFeature) < bestThreshold;
            (below ? ls : rs).add(shapes.get(i));
            (below ? ll : rl).add(labels.get(i));
        }
        return new ShapeTree(bestFeature, bestThreshold, grow(ls, ll, depth + 1), grow(rs, rl, depth + 1), null, 0);
    }

    private static Map<String, Integer> counts(List<String> labels) {
        Map<String, Integer> m = new TreeMap<>(); // sorted, so a tie always goes to the same label
        labels.forEach(l -> m.merge(l, 1, Integer::sum));
        return m;
    }

    private static double gini(Map<String, Integer> counts, int n) {
        double sum = 0;
        for (int c : counts.values()) {
            sum += (double) c / n * c / n;
        }
        return 1 - sum;
    }

    /** The tree in words, for the model file and reports. */
    String describe() {
        return feature < 0 ? label + String.format(Locale.ROOT, " (%.2f)", purity)
                : "(" + Shape.FEATURES[feature] + String.format(Locale.ROOT, " < %.3g ? ", threshold)
                        + left.describe() + " : " + right.describe() + ")";
    }
}
