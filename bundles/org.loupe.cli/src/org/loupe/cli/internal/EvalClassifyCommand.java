package org.loupe.cli.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.loupe.api.Classification;
import org.loupe.api.DefectClassifier;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.data.deeppcb.DeepPcbDataset;
import org.loupe.data.deeppcb.DeepPcbPatches;
import org.loupe.metrics.classification.BinaryScores;
import org.loupe.metrics.classification.ConfusionMatrix;
import org.loupe.metrics.detection.Counts;
import org.loupe.metrics.detection.InspectionCost;
import org.loupe.registry.ProviderHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loupe eval classify}: cuts defective and defect-free patches from a folder in DeepPCB layout (each with its
 * template patch as golden reference, {@link DeepPcbPatches}), runs a classifier on them and prints accuracy, the
 * confusion matrix and, for classifiers that report a distance, its ROC AUC and the accuracy a threshold chosen on
 * these very patches would give (an upper bound, not a score). With {@code --cost}, it also prints what the
 * decisions cost and which threshold would cost least on these patches: chosen on validation patches, that threshold
 * is then given to the classifier ({@code -p threshold=T}) and scored on test patches.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Score a defect classifier on patches of a DeepPCB-style data set.")
final class EvalClassifyCommand implements Callable<Integer> {

    private final Session session;

    @Mixin
    private DeepPcbSelection pairs;

    @Option(names = "--with", required = true, paramLabel = "ID", description = "The classifier.")
    private String classifier;

    @Option(names = "--patch", paramLabel = "PX", defaultValue = "64", description = "Patch side (default 64).")
    private int patch;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE", description = "A parameter of the classifier.")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--cost", paramLabel = "MISS:FALSE_ALARM", description = "Costs of a missed defective patch and "
            + "of a false alarm, e.g. 10:1: prints the cost of the decisions and the cheapest threshold (repeatable).")
    private List<String> costs = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    EvalClassifyCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        if (patch < 8) {
            throw LoupeException.usage("--patch must be at least 8, got " + patch);
        }
        List<double[]> costPairs = new ArrayList<>();
        for (String c : costs) {
            costPairs.add(costPair(c));
        }
        List<DeepPcbDataset.Entry> entries = pairs.entries();
        ProviderHandle<DefectClassifier> handle = session.registry().provider(classifier, DefectClassifier.class);
        Parameters bound = Parameters.bind(handle.call(LoupeService::parameters), params);
        List<String> actual = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        List<Double> distances = new ArrayList<>();
        for (DeepPcbDataset.Entry e : entries) {
            for (DeepPcbPatches.Patch p : DeepPcbPatches.cut(e, patch)) {
                Classification c = handle.call(k -> k.classify(p.test(), p.reference(), ProcessingContext.of(bound)));
                actual.add(p.defective() ? Classification.DEFECTIVE : Classification.DEFECT_FREE);
                predicted.add(c.label());
                distances.add(c.details().get(Classification.DISTANCE));
            }
        }
        if (actual.isEmpty()) {
            throw LoupeException.badInput(pairs.dataset.toString(), "gives no patches of " + patch + " px");
        }
        report(entries.size(), actual, predicted, distances, costPairs);
        return 0;
    }

    private static double[] costPair(String text) throws LoupeException {
        String[] f = text.split(":");
        try {
            double[] pair = {Double.parseDouble(f[0]), Double.parseDouble(f[1])};
            if (f.length == 2 && pair[0] >= 0 && pair[1] >= 0 && Double.isFinite(pair[0] + pair[1])) {
                return pair;
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // reported below
        }
        throw LoupeException.usage("--cost takes MISS:FALSE_ALARM, two costs of at least 0 (e.g. 10:1), got '"
                + text + "'");
    }

    private void report(int pairs, List<String> actual, List<String> predicted, List<Double> distances,
            List<double[]> costPairs) {
        List<String> labels = new ArrayList<>(new TreeSet<>(actual));
        predicted.stream().filter(l -> !labels.contains(l)).distinct().forEach(labels::add);
        ConfusionMatrix m = ConfusionMatrix.of(labels, actual, predicted);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pairs", pairs);
        out.put("patches", actual.size());
        out.put("accuracy", m.accuracy());
        Map<String, Map<String, Long>> matrix = new LinkedHashMap<>();
        for (String a : labels) {
            Map<String, Long> row = new LinkedHashMap<>();
            labels.forEach(p -> row.put(p, m.count(a, p)));
            matrix.put(a, row);
        }
        out.put("confusion", matrix);
        List<CostRow> costs = List.of();
        if (distances.stream().allMatch(d -> d != null && Double.isFinite(d))) {
            double[] d = distances.stream().mapToDouble(Double::doubleValue).toArray();
            boolean[] pos = new boolean[d.length];
            for (int i = 0; i < d.length; i++) {
                pos[i] = actual.get(i).equals(Classification.DEFECTIVE);
            }
            BinaryScores s = new BinaryScores(d, pos);
            out.put("distanceAuc", s.auc());
            double best = s.bestThreshold(BinaryScores.Criterion.accuracy());
            out.put("oracleThreshold", best);
            out.put("oracleAccuracy", s.at(best).accuracy());
            costs = costRows(m, s, costPairs);
            out.put("costs", costs);
        }
        if (json) {
            session.out().println(Json.GSON.toJson(out));
            return;
        }
        var o = session.out();
        o.printf(Locale.ROOT, "%d patches from %d pairs; accuracy %.2f%%%n", actual.size(), pairs,
                100 * m.accuracy());
        List<String> head = new ArrayList<>();
        head.add("ACTUAL \\ PREDICTED");
        head.addAll(labels);
        Table t = new Table(head.toArray(String[]::new));
        for (String a : labels) {
            List<Object> row = new ArrayList<>();
            row.add(a);
            labels.forEach(p -> row.add(m.count(a, p)));
            t.row(row.toArray());
        }
        t.print(o);
        if (out.containsKey("distanceAuc")) {
            o.printf(Locale.ROOT, "distance ROC AUC %.4f; a threshold chosen on these patches (%.4f) would give "
                    + "%.2f%% (an upper bound, not a score)%n", out.get("distanceAuc"), out.get("oracleThreshold"),
                    100 * (double) out.get("oracleAccuracy"));
            printCosts(o, costs);
        }
    }

    /**
     * What the classifier's own decisions cost under one pair of costs, and the cheapest threshold on these patches
     * with what it would cost.
     */
    private record CostRow(double missCost, double falseAlarmCost, long misses, long falseAlarms, double cost,
            double cheapestThreshold, long cheapestMisses, long cheapestFalseAlarms, double cheapestCost) {
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

    private static void printCosts(PrintWriter o, List<CostRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Table t = new Table("MISS COST", "FALSE ALARM COST", "MISSES", "FALSE ALARMS", "COST", "CHEAPEST THRESHOLD",
                "ITS MISSES", "ITS FALSE ALARMS", "ITS COST");
        for (CostRow r : rows) {
            t.row(fmt(r.missCost()), fmt(r.falseAlarmCost()), r.misses(), r.falseAlarms(), fmt(r.cost()),
                    String.format(Locale.ROOT, "%.4f", r.cheapestThreshold()), r.cheapestMisses(),
                    r.cheapestFalseAlarms(), fmt(r.cheapestCost()));
        }
        o.println("cost of the decisions, and the threshold that would cost least on these patches (choose it on "
                + "validation patches, then give it as -p threshold=T):");
        t.print(o);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
                : String.format(Locale.ROOT, "%.4g", d);
    }
}
