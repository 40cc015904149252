package org.loupe.pipeline.internal;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.loupe.api.LoupeException;
import org.loupe.image.io.AtomicFiles;
import org.loupe.pipeline.BatchResult;
import org.loupe.pipeline.DetectionScores;
import org.loupe.pipeline.ItemResult;
import org.loupe.pipeline.Pipeline;
import org.loupe.pipeline.Step;

/** A run's summaries beside its records: {@code summary.csv}, one row per input, and {@code run.json}, the totals. */
public final class RunSummary {

    private RunSummary() {
    }

    /** Writes both files atomically. */
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
                DetectionScores d = result.detection();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("protocol", "DeepPCB: same class and IoU > 0.33, all-point AP");
                m.put("images", d.images());
                m.put("unprocessedCountedAsMissed", d.unprocessed());
                m.put("mAP", d.map());
                m.put("fScore", d.counts().f1());
                m.put("tp", d.counts().truePositives());
                m.put("fp", d.counts().falsePositives());
                m.put("fn", d.counts().falseNegatives());
                run.put("detection", m);
            }
            AtomicFiles.writeString(outDir.resolve("run.json"), new GsonBuilder().setPrettyPrinting()
                    .disableHtmlEscaping().create().toJson(run));
        } catch (IOException e) {
            throw LoupeException.badInput(outDir.toString(), "cannot write the run's summary (" + e.getMessage()
                    + ")", e);
        }
    }

    /** The confidence a detection needs to count as found. */
    private static double threshold(Pipeline pipeline) {
        return pipeline.detectStep().map(Step.Detect::scoreThreshold).orElse(0.0);
    }

    static String csv(List<ItemResult> items, double threshold) {
        TreeSet<String> metrics = new TreeSet<>();
        items.forEach(r -> metrics.addAll(r.metrics().keySet()));
        TreeSet<String> labels = new TreeSet<>();
        items.forEach(r -> labels.addAll(r.patches().keySet()));
        StringBuilder sb = new StringBuilder("input,name,status,exit,detections");
        labels.forEach(l -> sb.append(",patches ").append(l));
        metrics.forEach(m -> sb.append(',').append(m));
        sb.append(",millis,reason\n");
        for (ItemResult r : items) {
            sb.append(quote(r.input())).append(',').append(quote(r.name())).append(',').append(r.status()).append(',')
                    .append(r.exitClass()).append(',').append(r.detections().stream().filter(d -> d.score() >= threshold)
                    .count());
            for (String l : labels) {
                sb.append(',').append(r.patches().getOrDefault(l, 0));
            }
            for (String m : metrics) {
                Double v = r.metrics().get(m);
                sb.append(',').append(v == null ? "" : String.format(Locale.ROOT, "%.6g", v));
            }
            sb.append(',').append(r.millis()).append(',').append(r.reason() == null ? "" : quote(r.reason()))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
