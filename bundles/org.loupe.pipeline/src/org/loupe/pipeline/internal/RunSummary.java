package org.loupe.pipeline.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.loupe.api.LoupeException;
import org.loupe.image.io.AtomicFiles;
import org.loupe.pipeline.BatchResult;
import org.loupe.pipeline.ItemResult;
import org.loupe.pipeline.Pipeline;
import org.loupe.pipeline.Step;
import org.loupe.pipeline.evaluation.LesionEvaluation;
import org.loupe.report.Csv;
import org.loupe.report.Json;

/**
 * A run's summaries beside its records: {@code summary.csv}, one row per input; {@code run.json}, the totals; and
 * {@code report.html}, the page a person reads (see {@link RunReport}).
 */
public final class RunSummary {

    private RunSummary() {
    }

    /** Writes the three files atomically. */
    public static void write(Path outDir, Pipeline pipeline, BatchResult result) throws LoupeException {
        try {
            AtomicFiles.writeString(outDir.resolve("summary.csv"), csv(result.items(), threshold(pipeline)));
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("pipeline", pipeline.name());
            run.put("items", result.items().size());
            run.put("computed", result.computed());
            run.put("skipped", result.skipped());
            run.put("failed", result.failed());
            run.put("cancelled", result.cancelled());
            run.put("exitCode", result.exitCode());
            if (result.detection() != null) {
                run.put("detection", result.detection().asMap());
            }
            Map<String, Double> lesions = lesionScores(result.items());
            if (!lesions.isEmpty()) {
                run.put("lesions", lesions);
            }
            AtomicFiles.writeString(outDir.resolve("run.json"), Json.pretty(run));
            RunReport.write(outDir, pipeline, result);
        } catch (IOException e) {
            throw LoupeException.badInput(outDir.toString(), "cannot write the run's summary (" + e.getMessage()
                    + ")", e);
        }
    }

    /**
     * A volume pipeline's lesion figures over the run, from the counts its items recorded: sensitivity,
     * specificity, false tumour calls per case and, for each localising segmenter, the share of found lesions in
     * their listed segment. Empty when no item has lesion counts.
     */
    static Map<String, Double> lesionScores(List<ItemResult> items) {
        Map<String, Double> sums = new TreeMap<>();
        int cases = 0;
        for (ItemResult r : items) {
            if (r.ok() && r.metrics().containsKey(LesionEvaluation.TUMOURS)) {
                cases++;
                r.metrics().forEach((k, v) -> {
                    if (k.startsWith("lesions: ")) {
                        sums.merge(k, v, Double::sum);
                    }
                });
            }
        }
        if (cases == 0) {
            return Map.of();
        }
        Map<String, Double> out = new LinkedHashMap<>(LesionEvaluation.fromCounts(sums, cases));
        String located = "lesions: found and located by ";
        sums.forEach((k, v) -> {
            if (k.startsWith(located)) {
                String id = k.substring(located.length());
                Double right = sums.get("lesions: found and in their segment by " + id);
                out.put("found lesions in their segment by " + id, v == 0 || right == null ? Double.NaN : right / v);
            }
        });
        return out;
    }

    /** The confidence a detection needs to count as found. */
    static double threshold(Pipeline pipeline) {
        return pipeline.detectStep().map(Step.Detect::scoreThreshold).orElse(0.0);
    }

    static String csv(List<ItemResult> items, double threshold) {
        TreeSet<String> metrics = new TreeSet<>();
        items.forEach(r -> metrics.addAll(r.metrics().keySet()));
        TreeSet<String> labels = new TreeSet<>();
        items.forEach(r -> labels.addAll(r.patches().keySet()));
        List<String> header = new ArrayList<>(List.of("input", "name", "status", "exit", "detections"));
        labels.forEach(l -> header.add("patches " + l));
        header.addAll(metrics);
        header.addAll(List.of("millis", "reason"));
        Csv csv = new Csv(header);
        for (ItemResult r : items) {
            List<Object> row = new ArrayList<>(List.of(r.input(), r.name(), r.status(), r.exitClass(),
                    r.detections().stream().filter(d -> d.score() >= threshold).count()));
            labels.forEach(l -> row.add(r.patches().getOrDefault(l, 0)));
            for (String m : metrics) {
                Double v = r.metrics().get(m);
                row.add(v == null ? "" : String.format(Locale.ROOT, "%.6g", v));
            }
            row.add(r.millis());
            row.add(r.reason());
            csv.row(row);
        }
        return csv.toString();
    }
}
