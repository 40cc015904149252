package org.loupe.pipeline.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.loupe.api.Classification;
import org.loupe.api.DefectClassifier;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.data.deeppcb.DeepPcbDataset;
import org.loupe.data.deeppcb.DeepPcbPatches;
import org.loupe.metrics.classification.BinaryScores;
import org.loupe.metrics.classification.ConfusionMatrix;
import org.loupe.metrics.detection.Counts;
import org.loupe.metrics.detection.InspectionCost;
import org.loupe.registry.ProviderHandle;
import org.loupe.report.TextTable;

/**
 * A defect classifier scored on patches cut from DeepPCB-style pairs (each with its template patch as golden
 * reference): accuracy and the confusion matrix; for a classifier that reports a distance, its ROC AUC, the accuracy
 * a threshold chosen on these very patches would give (an upper bound, not a score), and for each pair of costs what
 * the classifier's decisions cost and which threshold would cost least here. Choose that threshold on validation
 * patches, then score it on test patches.
 *
 * @param pairs    pairs the patches were cut from
 * @param patches  patches classified
 * @param labels   the labels met, actual ones first
 * @param matrix   the confusion matrix over {@link #labels}
 * @param distance the distance figures, or null when the classifier reports no finite distance for every patch
 * @param costs    one row per pair of costs (empty without distances)
 */
public record ClassificationReport(int pairs, int patches, List<String> labels, ConfusionMatrix matrix,
        DistanceFigures distance, List<CostRow> costs) {

    /**
     * How well the reported distance separates the classes.
     *
     * @param auc              ROC AUC of the distance for "defective"
     * @param oracleThreshold  the threshold with the best accuracy on these patches
     * @param oracleAccuracy   that accuracy
     */
    public record DistanceFigures(double auc, double oracleThreshold, double oracleAccuracy) {
    }

    /** What the classifier's own decisions cost under one pair of costs, and the cheapest threshold here. */
    public record CostRow(double missCost, double falseAlarmCost, long misses, long falseAlarms, double cost,
            double cheapestThreshold, long cheapestMisses, long cheapestFalseAlarms, double cheapestCost) {
    }

    /**
     * Cuts the patches of every pair, classifies each against its golden patch and scores the decisions.
     *
     * @param costPairs pairs {miss cost, false-alarm cost}
     * @throws LoupeException INPUT when the pairs give no patch of that size
     */
    public static ClassificationReport evaluate(ProviderHandle<DefectClassifier> classifier, ProcessingContext ctx,
            List<DeepPcbDataset.Entry> entries, int patch, List<double[]> costPairs) throws LoupeException {
        List<String> actual = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        List<Double> distances = new ArrayList<>();
        for (DeepPcbDataset.Entry e : entries) {
            for (DeepPcbPatches.Patch p : DeepPcbPatches.cut(e, patch)) {
                Classification c = classifier.call(k -> k.classify(p.test(), p.reference(), ctx));
                actual.add(p.defective() ? Classification.DEFECTIVE : Classification.DEFECT_FREE);
                predicted.add(c.label());
                distances.add(c.details().get(Classification.DISTANCE));
            }
        }
        if (actual.isEmpty()) {
            throw LoupeException.badInput(entries.isEmpty() ? "the pair list" : entries.get(0).test().getParent()
                    .toString(), "gives no patches of " + patch + " px");
        }
        List<String> labels = new ArrayList<>(new TreeSet<>(actual));
        predicted.stream().filter(l -> !labels.contains(l)).distinct().forEach(labels::add);
        ConfusionMatrix m = ConfusionMatrix.of(labels, actual, predicted);
        if (!distances.stream().allMatch(d -> d != null && Double.isFinite(d))) {
            return new ClassificationReport(entries.size(), actual.size(), labels, m, null, List.of());
        }
        double[] d = distances.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] positive = new boolean[d.length];
        for (int i = 0; i < d.length; i++) {
            positive[i] = actual.get(i).equals(Classification.DEFECTIVE);
        }
        BinaryScores s = new BinaryScores(d, positive);
        double best = s.bestThreshold(BinaryScores.Criterion.accuracy());
        return new ClassificationReport(entries.size(), actual.size(), labels, m,
                new DistanceFigures(s.auc(), best, s.at(best).accuracy()), costRows(m, s, costPairs));
    }

    private static List<CostRow> costRows(ConfusionMatrix m, BinaryScores s, List<double[]> costPairs) {
        Counts decided = counts(m, Classification.DEFECTIVE, Classification.DEFECT_FREE);
        List<CostRow> rows = new ArrayList<>();
        for (double[] c : costPairs) {
            double t = s.bestThreshold(BinaryScores.Criterion.cost(c[0], c[1]));
            Counts cheapest = counts(s.at(t), "positive", "negative");
            rows.add(new CostRow(c[0], c[1], decided.falseNegatives(), decided.falsePositives(),
                    InspectionCost.of(decided, c[0], c[1]), t, cheapest.falseNegatives(), cheapest.falsePositives(),
                    InspectionCost.of(cheapest, c[0], c[1])));
        }
        return rows;
    }

    private static Counts counts(ConfusionMatrix m, String positive, String negative) {
        return new Counts((int) m.count(positive, positive), (int) m.count(negative, positive),
                (int) m.count(positive, negative));
    }

    /** The report as nested maps and lists, for JSON. */
    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pairs", pairs);
        out.put("patches", patches);
        out.put("accuracy", matrix.accuracy());
        Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
        for (String a : labels) {
            Map<String, Long> row = new LinkedHashMap<>();
            labels.forEach(p -> row.put(p, matrix.count(a, p)));
            rows.put(a, row);
        }
        out.put("confusion", rows);
        if (distance != null) {
            out.put("distanceAuc", distance.auc());
            out.put("oracleThreshold", distance.oracleThreshold());
            out.put("oracleAccuracy", distance.oracleAccuracy());
            out.put("costs", costs);
        }
        return out;
    }

    /** The report as a person reads it: accuracy, the confusion matrix, the distance figures and the cost table. */
    public String text() {
        StringBuilder o = new StringBuilder(String.format(Locale.ROOT, "%d patches from %d pairs; accuracy %.2f%%%n",
                patches, pairs, 100 * matrix.accuracy()));
        List<String> head = new ArrayList<>();
        head.add("ACTUAL \\ PREDICTED");
        head.addAll(labels);
        TextTable t = new TextTable(head.toArray(String[]::new));
        for (String a : labels) {
            List<Object> row = new ArrayList<>();
            row.add(a);
            labels.forEach(p -> row.add(matrix.count(a, p)));
            t.row(row.toArray());
        }
        o.append(t);
        if (distance == null) {
            return o.toString();
        }
        o.append(String.format(Locale.ROOT, "distance ROC AUC %.4f; a threshold chosen on these patches (%.4f) would "
                + "give %.2f%% (an upper bound, not a score)%n", distance.auc(), distance.oracleThreshold(),
                100 * distance.oracleAccuracy()));
        if (costs.isEmpty()) {
            return o.toString();
        }
        TextTable c = new TextTable("MISS COST", "FALSE ALARM COST", "MISSES", "FALSE ALARMS", "COST",
                "CHEAPEST THRESHOLD", "ITS MISSES", "ITS FALSE ALARMS", "ITS COST");
        for (CostRow x : costs) {
            c.row(fmt(x.missCost()), fmt(x.falseAlarmCost()), x.misses(), x.falseAlarms(), fmt(x.cost()),
                    String.format(Locale.ROOT, "%.4f", x.cheapestThreshold()), x.cheapestMisses(),
                    x.cheapestFalseAlarms(), fmt(x.cheapestCost()));
        }
        return o.append("cost of the decisions, and the threshold that would cost least on these patches (choose it "
                + "on validation patches, then give it as -p threshold=T):\n").append(c).toString();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
                : String.format(Locale.ROOT, "%.4g", d);
    }
}
