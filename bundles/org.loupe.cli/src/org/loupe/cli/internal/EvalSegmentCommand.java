package org.loupe.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.Segmenter;
import org.loupe.metrics.segmentation.SurfaceDistances;
import org.loupe.pipeline.BatchPolicy;
import org.loupe.pipeline.evaluation.LabelMapEvaluation;
import org.loupe.pipeline.evaluation.SegmentationEvaluation;
import org.loupe.registry.ProviderHandle;
import org.loupe.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code loupe eval segment}: the command-line face of {@link SegmentationEvaluation}. */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Score a segmenter on a folder of cases (each with ct/ or ct.nii.gz and a truth label map): "
                + "Dice, IoU, Hausdorff, HD95 and average surface distance in mm.")
final class EvalSegmentCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "Folder of case folders.")
    private Path dataset;

    @Option(names = "--with", required = true, paramLabel = "ID", description = "The segmenter.")
    private String id;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE", description = "A parameter of the segmenter.")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--truth", paramLabel = "FILE", defaultValue = "liver.nii.gz", description = "Each case's truth "
            + "label map; its non-zero voxels are the target (default ${DEFAULT-VALUE}).")
    private String truth;

    @Option(names = "--label", paramLabel = "N", defaultValue = "1", description = "The segmenter's label scored "
            + "(default ${DEFAULT-VALUE}).")
    private int label;

    @Option(names = "--write-masks", paramLabel = "DIR", description = "Save each case's label map here.")
    private Path writeMasks;

    @Option(names = "--per-label", description = "Score every label of a multi-label truth (e.g. --truth "
            + "couinaud.nii.gz): accuracy, Dice per label, and lesion centres that carry their listed segment.")
    private boolean perLabel;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Mixin
    private FailFastOption failFast;

    EvalSegmentCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        ProviderHandle<Segmenter> h = session.registry().provider(id, Segmenter.class);
        Parameters bound = Parameters.bind(h.call(LoupeService::parameters), params);
        BatchPolicy policy = new BatchPolicy(failFast.failFast, session::fail);
        ProgressLines progress = new ProgressLines(session.err(), "eval segment");
        if (perLabel) {
            LabelMapEvaluation e = LabelMapEvaluation.run(h, ProcessingContext.builder().parameters(bound)
                    .onProgress(progress).build(), dataset, truth, policy, session.readOptions());
            printLabels(e, bound);
            return policy.exitCode();
        }
        SegmentationEvaluation e = SegmentationEvaluation.run(h, ProcessingContext.builder().parameters(bound)
                .onProgress(progress).build(), dataset, truth, label, policy, session.readOptions(), writeMasks);
        List<Figure> figures = List.of(new Figure("dice", SurfaceDistances::dice),
                new Figure("iou", SurfaceDistances::iou), new Figure("hausdorffMm", SurfaceDistances::hausdorff),
                new Figure("hausdorff95Mm", SurfaceDistances::hausdorff95),
                new Figure("meanSurfaceMm", SurfaceDistances::meanSurface));
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("segmenter", id);
            m.put("parameters", bound.asText());
            m.put("cases", e.cases());
            Map<String, Object> summary = new LinkedHashMap<>();
            for (Figure f : figures) {
                summary.put(f.name(), Map.of("mean", e.mean(f.value()), "sd", e.sd(f.value())));
            }
            m.put("summary", summary);
            m.put("failures", policy.failures());
            session.out().println(Json.GSON.toJson(m));
            return policy.exitCode();
        }
        TextTable t = new TextTable("CASE", "DICE", "IOU", "HD (MM)", "HD95 (MM)", "ASSD (MM)");
        for (SegmentationEvaluation.Case c : e.cases()) {
            List<Object> row = new ArrayList<>(List.of(c.name()));
            figures.forEach(f -> row.add(format(f.value().applyAsDouble(c.scores()))));
            t.row(row.toArray());
        }
        List<Object> mean = new ArrayList<>(List.of("mean +- sd"));
        figures.forEach(f -> mean.add(format(e.mean(f.value())) + " +- " + format(e.sd(f.value()))));
        t.row(mean.toArray());
        session.out().printf(Locale.ROOT, "%s (%s) on %d cases of %s, label %d against %s:%n", id, bound.asText(),
                e.cases().size(), dataset, label, truth);
        t.print(session.out());
        return policy.exitCode();
    }

    private void printLabels(LabelMapEvaluation e, Parameters bound) {
        Map<Integer, List<Double>> dice = new TreeMap<>();
        int lesions = 0;
        int hits = 0;
        double accuracy = 0;
        for (LabelMapEvaluation.Case c : e.cases()) {
            c.dice().forEach((k, v) -> dice.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            lesions += c.lesions();
            hits += c.lesionHits();
            accuracy += c.accuracy() / e.cases().size();
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("segmenter", id);
            m.put("parameters", bound.asText());
            m.put("cases", e.cases());
            m.put("accuracy", accuracy);
            Map<String, Double> meanDice = new LinkedHashMap<>();
            dice.forEach((k, v) -> meanDice.put(String.valueOf(k), v.stream().mapToDouble(x -> x).average()
                    .orElse(Double.NaN)));
            m.put("dicePerLabel", meanDice);
            m.put("lesions", lesions);
            m.put("lesionsInTheirSegment", hits);
            m.put("failures", e.unscored());
            session.out().println(Json.GSON.toJson(m));
            return;
        }
        TextTable t = new TextTable("CASE", "ACCURACY", "MEAN DICE", "LESIONS IN THEIR SEGMENT");
        for (LabelMapEvaluation.Case c : e.cases()) {
            t.row(c.name(), format(c.accuracy()), format(c.dice().values().stream().mapToDouble(x -> x).average()
                    .orElse(Double.NaN)), c.lesionHits() + " of " + c.lesions());
        }
        t.row("all", format(accuracy), "", hits + " of " + lesions + (lesions == 0 ? "" : String.format(Locale.ROOT,
                " (%.3f)", (double) hits / lesions)));
        session.out().printf(Locale.ROOT, "%s (%s) on %d cases of %s against %s:%n", id, bound.asText(),
                e.cases().size(), dataset, truth);
        t.print(session.out());
        TextTable d = new TextTable("LABEL", "DICE (MEAN OVER CASES)");
        dice.forEach((k, v) -> d.row(k, format(v.stream().mapToDouble(x -> x).average().orElse(Double.NaN))));
        d.print(session.out());
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, v < 1.5 ? "%.4f" : "%.2f", v);
    }

    private record Figure(String name, ToDoubleFunction<SurfaceDistances> value) {
    }
}
