package org.loupe.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.loupe.api.DefectDetector;
import org.loupe.api.Detection;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.data.deeppcb.DeepPcbDataset;
import org.loupe.data.deeppcb.DeepPcbFiles;
import org.loupe.image.PixelImage;
import org.loupe.image.io.AtomicFiles;
import org.loupe.image.io.ImageFiles;
import org.loupe.metrics.detection.AnnotatedImage;
import org.loupe.metrics.detection.ApInterpolation;
import org.loupe.metrics.detection.ClassResult;
import org.loupe.metrics.detection.Counts;
import org.loupe.metrics.detection.DetectionEvaluation;
import org.loupe.metrics.detection.InspectionCost;
import org.loupe.metrics.detection.MatchRule;
import org.loupe.metrics.detection.PredictionWithinSpec;
import org.loupe.metrics.detection.SpecTolerance;
import org.loupe.pipeline.BatchPolicy;
import org.loupe.pipeline.OutputPlan;
import org.loupe.registry.ProviderHandle;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loupe eval detect}: scores defect detections on a DeepPCB-style data set with the DeepPCB protocol (a
 * detection counts when it has the class of an annotated defect and IoU above 0.33 with it): AP per class and mAP,
 * precision, recall and F-score at a score threshold, COCO-style figures, an IoU sensitivity table, prediction within
 * spec and the cost of the inspection run. The detections come from a detector run on the test images or from
 * prediction files.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Score detections on a DeepPCB-style data set (same class, IoU > 0.33).")
final class EvalDetectCommand implements Callable<Integer> {

    private static final double[] IOU_STEPS = {0.1, 0.2, 0.3, 0.33, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    private final Session session;

    @Mixin
    private DeepPcbSelection pairs;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "deeppcb",
            description = "Annotation format; only deeppcb so far.")
    private String format;

    @ArgGroup(multiplicity = "1")
    private Source source;

    /** Where the detections come from. */
    static final class Source {
        @Option(names = "--with", paramLabel = "ID", description = "A detector to run on the test images (given "
                + "their templates).")
        String detector;

        @Option(names = "--predictions", paramLabel = "DIR",
                description = "Prediction files, <id>.txt with x1,y1,x2,y2,confidence,type per line.")
        Path predictions;
    }

    @Option(names = "--write-predictions", paramLabel = "DIR",
            description = "With --with: also save the detections as DeepPCB prediction files (<id>.txt).")
    private Path writeTo;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE", description = "A parameter of the detector.")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--score-threshold", paramLabel = "T", defaultValue = "0.5",
            description = "Confidence a detection needs to count for precision, recall, F-score, PWS and cost "
                    + "(default: ${DEFAULT-VALUE}).")
    private double threshold;

    @Option(names = "--miss-cost", paramLabel = "C", split = ",",
            description = "Costs per missed defect for the cost table (default 500,1000,2000,5000).")
    private double[] missCosts = InspectionCost.DEFAULT_MISS_COSTS;

    @Option(names = "--false-alarm-cost", paramLabel = "C", split = ",",
            description = "Costs per false alarm for the cost table (default 50,100,200,500).")
    private double[] falseAlarmCosts = InspectionCost.DEFAULT_FALSE_ALARM_COSTS;

    @Option(names = "--json", description = "Print JSON instead of tables.")
    private boolean json;

    @Mixin
    private OverwriteOption overwrite;

    @Mixin
    private FailFastOption failFast;

    private final List<String> unprocessed = new ArrayList<>();
    private BatchPolicy policy;

    EvalDetectCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        if (!format.equals("deeppcb")) {
            throw LoupeException.usage("unknown --format '" + format + "' (known: deeppcb)");
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw LoupeException.usage("--score-threshold must be in [0, 1], got " + threshold);
        }
        policy = new BatchPolicy(failFast.failFast, session::fail);
        List<DeepPcbDataset.Entry> entries = pairs.entries();
        if (writeTo != null) {
            OutputPlan.refuseExisting(entries.stream().map(e -> writeTo.resolve(e.id() + ".txt")).toList(),
                    overwrite.overwrite);
        }
        List<AnnotatedImage> images = source.detector != null ? detect(entries) : readPredictions(entries);
        report(new DetectionEvaluation(images), images);
        return policy.exitCode();
    }

    private List<AnnotatedImage> detect(List<DeepPcbDataset.Entry> entries) throws LoupeException {
        ProviderHandle<DefectDetector> detector = session.registry().provider(source.detector, DefectDetector.class);
        Parameters p = Parameters.bind(detector.call(LoupeService::parameters), params);
        List<AnnotatedImage> images = new ArrayList<>();
        ProcessingContext ctx = ProcessingContext.builder().parameters(p)
                .onWarning(w -> session.complain("warning: " + w)).build();
        for (DeepPcbDataset.Entry e : entries) {
            // the batch policy: one pair that cannot be processed costs its own defects, not the evaluation
            List<Detection> found = policy.item(e.id(), () -> {
                PixelImage img = ImageFiles.read(e.test(), session.readOptions());
                PixelImage template = ImageFiles.read(e.template(), session.readOptions());
                return detector.call(d -> d.detect(img, template, ctx));
            }).orElseGet(() -> {
                unprocessed.add(e.id());
                return List.of();
            });
            if (writeTo != null && !unprocessed.contains(e.id())) {
                try {
                    AtomicFiles.writeString(writeTo.resolve(e.id() + ".txt"), DeepPcbFiles.format(found));
                } catch (IOException x) {
                    throw LoupeException.badInput(writeTo.toString(), "cannot write predictions (" + x.getMessage()
                            + ")", x);
                }
            }
            images.add(new AnnotatedImage(e.id(), DeepPcbFiles.readTruth(e.annotation()), found));
        }
        return images;
    }

    private List<AnnotatedImage> readPredictions(List<DeepPcbDataset.Entry> entries) throws LoupeException {
        List<AnnotatedImage> images = new ArrayList<>();
        int missing = 0;
        for (DeepPcbDataset.Entry e : entries) {
            Path file = source.predictions.resolve(e.id() + ".txt");
            List<Detection> predicted = List.of();
            if (Files.exists(file)) {
                predicted = DeepPcbFiles.readPredictions(file);
            } else {
                missing++;
            }
            images.add(new AnnotatedImage(e.id(), DeepPcbFiles.readTruth(e.annotation()), predicted));
        }
        if (missing == entries.size()) {
            throw LoupeException.badInput(source.predictions.toString(), "holds no prediction file for any of the "
                    + entries.size() + " listed images (expected <id>.txt, e.g. " + entries.get(0).id() + ".txt)");
        }
        if (missing > 0) {
            session.complain("note: " + missing + " of " + entries.size() + " images have no prediction file; "
                    + "counted as no detections");
        }
        return images;
    }

    private void report(DetectionEvaluation eval, List<AnnotatedImage> images) {
        MatchRule rule = MatchRule.DEEPPCB;
        List<ClassResult> classes = eval.perClass(rule, ApInterpolation.ALL_POINT, threshold);
        double map = eval.meanAveragePrecision(rule, ApInterpolation.ALL_POINT);
        Counts all = eval.overall(rule, threshold);
        double pws = PredictionWithinSpec.percent(images, rule, threshold, SpecTolerance.DEFAULT);
        double vocMap = eval.meanAveragePrecision(MatchRule.VOC, ApInterpolation.ALL_POINT);
        double cocoMap = eval.cocoMeanAveragePrecision();
        var sensitivity = eval.iouSensitivity(rule, IOU_STEPS, threshold);
        var costs = InspectionCost.table(all, missCosts, falseAlarmCosts);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("protocol", "DeepPCB: same class and IoU > 0.33; greedy matching by descending score; all-point AP");
            m.put("images", images.size());
            m.put("unprocessedCountedAsMissed", unprocessed);
            m.put("scoreThreshold", threshold);
            m.put("classes", classes.stream().map(c -> Map.of("label", c.label(), "objects", c.truthCount(),
                    "ap", c.averagePrecision(), "precision", c.atThreshold().precision(), "recall",
                    c.atThreshold().recall(), "f1", c.atThreshold().f1())).toList());
            m.put("mAP", map);
            m.put("counts", Map.of("tp", all.truePositives(), "fp", all.falsePositives(), "fn", all.falseNegatives()));
            m.put("precision", all.precision());
            m.put("recall", all.recall());
            m.put("fScore", all.f1());
            m.put("mAP50", vocMap);
            m.put("mAP50to95", cocoMap);
            m.put("pwsPercent", pws);
            m.put("specTolerance", Map.of("positionPx", SpecTolerance.DEFAULT.position(), "sizeFraction",
                    SpecTolerance.DEFAULT.size()));
            m.put("iouSensitivity", sensitivity.stream().map(r -> Map.of("iou", r.iouThreshold(), "mAP",
                    r.meanAveragePrecision(), "f1", r.counts().f1())).toList());
            m.put("costs", costs.stream().map(c -> Map.of("missCost", c.missCost(), "falseAlarmCost",
                    c.falseAlarmCost(), "total", c.total())).toList());
            session.out().println(Json.GSON.toJson(m));
            return;
        }
        var out = session.out();
        if (!unprocessed.isEmpty()) {
            out.println(unprocessed.size() + " pair(s) could not be processed; their defects count as missed: "
                    + String.join(", ", unprocessed));
        }
        out.println("DeepPCB protocol: same class and IoU > 0.33, " + images.size() + " images, score threshold "
                + threshold);
        Table t = new Table("CLASS", "OBJECTS", "AP", "PRECISION", "RECALL", "F1");
        for (ClassResult c : classes) {
            t.row(c.label(), c.truthCount(), pct(c.averagePrecision()), pct(c.atThreshold().precision()),
                    pct(c.atThreshold().recall()), pct(c.atThreshold().f1()));
        }
        t.row("all", classes.stream().mapToInt(ClassResult::truthCount).sum(), pct(map), pct(all.precision()),
                pct(all.recall()), pct(all.f1()));
        t.print(out);
        out.printf(Locale.ROOT, "mAP %s, F-score %s (TP %d, FP %d, FN %d); VOC mAP@0.5 %s, COCO mAP@[.5:.95] %s%n",
                pct(map), pct(all.f1()), all.truePositives(), all.falsePositives(), all.falseNegatives(), pct(vocMap),
                pct(cocoMap));
        out.printf(Locale.ROOT, "prediction within spec: %s of defects (centre within %.0f px, size within %.0f%%)%n",
                pct(pws / 100), SpecTolerance.DEFAULT.position(), 100 * SpecTolerance.DEFAULT.size());
        out.println();
        Table s = new Table("IOU >", "mAP", "F1");
        sensitivity.forEach(r -> s.row(String.format(Locale.ROOT, "%.2f", r.iouThreshold()),
                pct(r.meanAveragePrecision()), pct(r.counts().f1())));
        s.print(out);
        out.println();
        Table c = new Table("MISS COST", "FALSE ALARM COST", "MISSES", "FALSE ALARMS", "TOTAL COST");
        costs.forEach(r -> c.row(num(r.missCost()), num(r.falseAlarmCost()), num(r.missLoss()),
                num(r.falseAlarmLoss()), num(r.total())));
        c.print(out);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
