package org.loupe.pipeline.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.loupe.pipeline.BatchResult;
import org.loupe.pipeline.ItemResult;
import org.loupe.pipeline.Pipeline;
import org.loupe.pipeline.evaluation.DetectionPage;
import org.loupe.pipeline.evaluation.DetectionReport;
import org.loupe.report.Charts;
import org.loupe.report.Html;

/**
 * A run's {@code report.html}: the totals and exit code, every failure with its reason, the detection scores with AP
 * per class and IoU sensitivity plotted, the distribution of each measured figure, the patch decisions, and one row
 * per input linking its outputs. Plots are PNG files beside the page.
 */
final class RunReport {

    private static final int CHART_WIDTH = 720;
    private static final int CHART_HEIGHT = 360;

    private RunReport() {
    }

    static void write(Path outDir, Pipeline pipeline, BatchResult result) throws IOException {
        Html page = new Html("Loupe run: " + pipeline.name());
        page.stamp().paragraph(String.format(Locale.ROOT, "%d inputs: %d computed in this run, %d already done, %d "
                + "failed%s; exit code %d.", result.items().size(), result.computed(), result.skipped(),
                result.failed(), result.cancelled() ? ", cancelled" : "", result.exitCode()));
        failures(page, result.items());
        if (result.detection() != null) {
            detection(page, outDir, result.detection());
        }
        lesions(page, outDir, result.items());
        metrics(page, outDir, result.items());
        patches(page, result.items());
        items(page, result.items(), RunSummary.threshold(pipeline));
        page.write(outDir.resolve("report.html"));
    }

    private static void failures(Html page, List<ItemResult> items) {
        List<List<?>> rows = items.stream().filter(r -> !r.ok()).<List<?>>map(r -> List.of(r.input(),
                r.exitClass() == 3 ? "3 bad input" : r.exitClass() + " provider failure",
                Html.Cell.styled("fail", String.valueOf(r.reason())))).toList();
        if (!rows.isEmpty()) {
            page.heading("Failures").table(List.of("Input", "Exit class", "Reason"), rows);
        }
    }

    private static void detection(Html page, Path outDir, DetectionReport d) throws IOException {
        DetectionPage.append(page, outDir, "report-", d);
    }

    private static void metrics(Html page, Path outDir, List<ItemResult> items) throws IOException {
        TreeSet<String> ids = new TreeSet<>();
        items.forEach(r -> ids.addAll(r.metrics().keySet()));
        for (String id : ids) {
            if (id.startsWith("lesions: ")) {
                continue; // counts, summed in the lesion section
            }
            double[] v = items.stream().map(r -> r.metrics().get(id)).filter(x -> x != null && Double.isFinite(x))
                    .mapToDouble(Double::doubleValue).toArray();
            if (v.length == 0) {
                continue;
            }
            double mean = Arrays.stream(v).average().orElse(Double.NaN);
            double min = Arrays.stream(v).min().orElse(Double.NaN);
            double max = Arrays.stream(v).max().orElse(Double.NaN);
            page.heading(id).paragraph(String.format(Locale.ROOT, "%d images: mean %.4g, min %.4g, max %.4g.",
                    v.length, mean, min, max));
            if (v.length >= 3) {
                String file = "report-" + id.replaceAll("[^A-Za-z0-9.-]", "_") + ".png";
                Charts.distribution(id, id, v).writePng(outDir.resolve(file), CHART_WIDTH, CHART_HEIGHT);
                page.image(file, "distribution of " + id);
            }
        }
    }

    /** A volume pipeline's lesion figures over the run and every lesion's heat-map picture. */
    private static void lesions(Html page, Path outDir, List<ItemResult> items) throws IOException {
        Map<String, Double> scores = RunSummary.lesionScores(items);
        if (!scores.isEmpty()) {
            page.heading("Lesions").table(List.of("Figure", "Value"), scores.entrySet().stream()
                    .<List<?>>map(e -> List.of(e.getKey(), String.format(Locale.ROOT, "%.3f", e.getValue()))).toList());
        }
        List<List<?>> found = new ArrayList<>();
        for (ItemResult r : items) {
            for (String o : r.outputs()) {
                if (o.endsWith(".lesions.csv")) {
                    found.addAll(lesionRows(r.name(), outDir.resolve(o)));
                }
            }
        }
        if (!found.isEmpty()) {
            page.heading("Lesion heat maps").paragraph("Every candidate called a tumour or a cyst: its place in the "
                    + "segmentations, then its patch, its Grad-CAM and its input gradients for the class it was given "
                    + "(NAME.lesions.csv lists every candidate, those called normal too).")
                    .table(List.of("Input", "Lesion", "Called", "Confidence", "Diameter (mm)", "Labels",
                            "Patch, Grad-CAM, input gradients"), found);
        }
    }

    /** The report rows of one case's lesions.csv: the lesions not called normal. */
    private static List<List<?>> lesionRows(String name, Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        int label = header.indexOf("label");
        int confidence = header.indexOf("confidence");
        int diameter = header.indexOf("diameter_mm");
        int picture = header.indexOf("heat_map");
        int firstSegmenter = 0;
        for (int c = 0; c < picture; c++) {
            firstSegmenter = header.get(c).startsWith("p(") || c == confidence ? c + 1 : firstSegmenter;
        }
        List<List<?>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f[label].equals("normal")) {
                continue;
            }
            List<String> labels = new ArrayList<>();
            for (int c = firstSegmenter; c < picture; c++) {
                labels.add(header.get(c) + " " + f[c]);
            }
            rows.add(List.of(name, f[0], f[label], f[confidence], f[diameter], Html.Cell.lines(labels),
                    f[picture].isEmpty() ? "" : Html.Cell.thumbnail(f[picture], f[picture])));
        }
        return rows;
    }

    private static void patches(Html page, List<ItemResult> items) {
        Map<String, Integer> totals = new TreeMap<>();
        items.forEach(r -> r.patches().forEach((label, n) -> totals.merge(label, n, Integer::sum)));
        if (!totals.isEmpty()) {
            page.heading("Patches").table(List.of("Label", "Patches"), totals.entrySet().stream()
                    .<List<?>>map(e -> List.of(e.getKey(), e.getValue())).toList());
        }
    }

    private static void items(Html page, List<ItemResult> items, double threshold) {
        List<List<?>> rows = new ArrayList<>();
        for (ItemResult r : items) {
            List<String> figures = new ArrayList<>();
            r.metrics().forEach((k, v) -> figures.add(String.format(Locale.ROOT, "%s %.4g", k, v)));
            r.patches().forEach((k, v) -> figures.add(v + " " + k));
            Object status = r.ok() ? r.status() : Html.Cell.styled("fail", r.status());
            Object warnings = r.warnings().isEmpty() ? "" : Html.Cell.styled("warn", String.join("; ",
                    r.warnings()));
            rows.add(List.of(r.name(), status, r.detections().stream().filter(d -> d.score() >= threshold).count(),
                    Html.Cell.lines(figures), warnings, Html.Cell.links(r.outputs()), r.millis() + " ms"));
        }
        page.heading("Inputs").table(List.of("Input", "Status", "Detections", "Figures", "Warnings", "Outputs",
                "Time"), rows);
    }
}
