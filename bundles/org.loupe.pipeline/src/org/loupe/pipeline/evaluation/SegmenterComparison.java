package org.loupe.pipeline.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.Segmenter;
import org.loupe.image.io.ReadOptions;
import org.loupe.metrics.segmentation.SurfaceDistances;
import org.loupe.pipeline.BatchPolicy;
import org.loupe.registry.ModelRecords;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;
import org.loupe.report.TextTable;

/**
 * Several segmenters scored on the same cases against the same truth, in one table: each one's mean and spread of
 * Dice, IoU, HD95 and surface distance, its worst case and its time, and, case by case, how often each later one
 * beats the first on Dice (a paired count says more than two means that overlap).
 *
 * @param rows one per segmenter, in the order given
 */
public record SegmenterComparison(List<Row> rows) {

    /**
     * One segmenter's figures.
     *
     * @param secondsPerCase wall time per case, reading included
     */
    public record Row(String id, String version, Map<String, String> parameters, SegmentationEvaluation evaluation,
            double secondsPerCase) {
    }

    /**
     * Runs each segmenter on the cases of {@code dataset}.
     *
     * @param params each segmenter's parameters by id (missing: its defaults)
     */
    public static SegmenterComparison run(ProviderRegistry registry, List<String> ids,
            Map<String, Map<String, String>> params, Path dataset, String truth, int label, BatchPolicy policy,
            ReadOptions read, ProcessingContext ctx) throws LoupeException {
        // every provider and parameter is checked before any case is segmented
        List<ProviderHandle<Segmenter>> handles = new ArrayList<>();
        List<Parameters> bound = new ArrayList<>();
        for (String id : ids) {
            ProviderHandle<Segmenter> h = registry.provider(id, Segmenter.class);
            handles.add(h);
            bound.add(Parameters.bind(h.call(LoupeService::parameters), params.getOrDefault(id, Map.of())));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            ProviderHandle<Segmenter> h = handles.get(i);
            ProcessingContext part = ctx.within((double) i / ids.size(), (i + 1.0) / ids.size())
                    .withParameters(bound.get(i));
            long start = System.nanoTime();
            SegmentationEvaluation e = SegmentationEvaluation.run(h, part, dataset, truth, label, policy, read, null);
            double seconds = (System.nanoTime() - start) / 1e9 / Math.max(1, e.cases().size());
            String model = ModelRecords.inUse(h.descriptor(), bound.get(i));
            rows.add(new Row(ids.get(i), model == null || model.isEmpty() ? h.descriptor().version()
                    : h.descriptor().version() + " (model " + model + ")", bound.get(i).asText(), e, seconds));
        }
        return new SegmenterComparison(rows);
    }

    /** The cases where {@code later} has a higher Dice than the first segmenter, and the cases both scored. */
    public int[] higherDiceThanFirst(Row later) {
        Map<String, Double> first = new LinkedHashMap<>();
        rows.get(0).evaluation().cases().forEach(c -> first.put(c.name(), c.scores().dice()));
        int higher = 0;
        int both = 0;
        for (SegmentationEvaluation.Case c : later.evaluation().cases()) {
            Double d = first.get(c.name());
            if (d != null) {
                both++;
                higher += c.scores().dice() > d ? 1 : 0;
            }
        }
        return new int[] {higher, both};
    }

    /** The side-by-side table, then the paired counts. */
    public String text() {
        TextTable t = new TextTable("SEGMENTER", "CASES", "DICE", "IOU", "HD95 (MM)", "ASSD (MM)", "LOWEST DICE",
                "S/CASE");
        for (Row r : rows) {
            SegmentationEvaluation e = r.evaluation();
            t.row(r.id(), e.cases().size(), spread(e, SurfaceDistances::dice, 4), spread(e, SurfaceDistances::iou, 4),
                    spread(e, SurfaceDistances::hausdorff95, 2), spread(e, SurfaceDistances::meanSurface, 2),
                    String.format(Locale.ROOT, "%.4f", lowestDice(e)), String.format(Locale.ROOT, "%.1f",
                            r.secondsPerCase()));
        }
        StringBuilder s = new StringBuilder(t.toString());
        for (Row r : rows.subList(1, rows.size())) {
            int[] h = higherDiceThanFirst(r);
            s.append(String.format(Locale.ROOT, "%s has the higher Dice on %d of %d cases against %s%n", r.id(), h[0],
                    h[1], rows.get(0).id()));
        }
        return s.toString();
    }

    /** The comparison as nested maps, for JSON. */
    public List<Map<String, Object>> asMaps() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : rows) {
            SegmentationEvaluation e = r.evaluation();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("segmenter", r.id());
            m.put("version", r.version());
            m.put("parameters", r.parameters());
            m.put("secondsPerCase", r.secondsPerCase());
            m.put("cases", e.cases());
            m.put("unscored", e.unscored());
            m.put("dice", Map.of("mean", e.mean(SurfaceDistances::dice), "sd", e.sd(SurfaceDistances::dice),
                    "lowest", lowestDice(e)));
            m.put("hausdorff95Mm", Map.of("mean", e.mean(SurfaceDistances::hausdorff95), "sd",
                    e.sd(SurfaceDistances::hausdorff95)));
            m.put("meanSurfaceMm", Map.of("mean", e.mean(SurfaceDistances::meanSurface), "sd",
                    e.sd(SurfaceDistances::meanSurface)));
            if (r != rows.get(0)) {
                int[] h = higherDiceThanFirst(r);
                m.put("higherDiceThanFirst", Map.of("cases", h[0], "of", h[1]));
            }
            out.add(m);
        }
        return out;
    }

    private static double lowestDice(SegmentationEvaluation e) {
        return e.cases().stream().mapToDouble(c -> c.scores().dice()).min().orElse(Double.NaN);
    }

    private static String spread(SegmentationEvaluation e, ToDoubleFunction<SurfaceDistances> f, int decimals) {
        String one = "%." + decimals + "f";
        return String.format(Locale.ROOT, one + " +- " + one, e.mean(f), e.sd(f));
    }
}
