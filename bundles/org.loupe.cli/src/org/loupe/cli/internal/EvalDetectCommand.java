package org.loupe.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.data.detection.AnnotatedImageFile;
import org.loupe.metrics.detection.InspectionCost;
import org.loupe.pipeline.BatchPolicy;
import org.loupe.pipeline.DetectorChoice;
import org.loupe.pipeline.OutputPlan;
import org.loupe.pipeline.evaluation.DetectionPage;
import org.loupe.pipeline.evaluation.DetectionReport;
import org.loupe.pipeline.evaluation.DetectionRun;
import org.loupe.pipeline.evaluation.WorstImages;
import org.loupe.report.Html;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loupe eval detect}: scores defect detections on a DeepPCB, COCO or YOLO data set with the DeepPCB
 * protocol (a detection counts when it has the class of an annotated defect and IoU above 0.33 with it): the
 * {@link DetectionReport}. The detections come from a detector run on the images (against DeepPCB's templates) or
 * from prediction files.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Score detections on a DeepPCB, COCO or YOLO data set (same class, IoU > 0.33).")
final class EvalDetectCommand implements Callable<Integer> {

    private final Session session;

    @Mixin
    private DeepPcbSelection pairs;

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

    @Mixin
    private CostOption cheapest;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write an HTML report with plots (AP per "
            + "class, precision-recall curves, IoU sensitivity, cost heat map) into this new or empty folder.")
    private Path reportDir;

    @Option(names = "--json", description = "Print JSON instead of tables.")
    private boolean json;

    @Mixin
    private OverwriteOption overwrite;

    @Mixin
    private FailFastOption failFast;

    @Mixin
    private FallbackOption fallback;

    EvalDetectCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw LoupeException.usage("--score-threshold must be in [0, 1], got " + threshold);
        }
        List<double[]> costPairs = cheapest.pairs();
        if (reportDir != null && !OutputPlan.isEmptyOrAbsent(reportDir) && !overwrite.overwrite) {
            throw LoupeException.usage(reportDir + " is not empty; choose a new folder for the report (or "
                    + "--overwrite)");
        }
        BatchPolicy policy = new BatchPolicy(failFast.failFast, session::fail);
        List<AnnotatedImageFile> entries = pairs.images();
        if (writeTo != null) {
            OutputPlan.refuseExisting(entries.stream().map(e -> writeTo.resolve(e.id() + ".txt")).toList(),
                    overwrite.overwrite);
        }
        DetectionRun run;
        if (source.detector != null) {
            DetectorChoice choice = DetectorChoice.choose(session.registry(), source.detector, params,
                    !fallback.noFallback, w -> session.complain("warning: " + w));
            ProcessingContext ctx = ProcessingContext.builder().parameters(choice.parameters())
                    .onWarning(w -> session.complain("warning: " + w)).build();
            run = DetectionRun.detect(choice.handle(), ctx, entries, policy, session.readOptions(), writeTo);
        } else {
            run = DetectionRun.predictions(source.predictions, entries, n -> session.complain("note: " + n));
        }
        DetectionReport report = DetectionReport.of(run.images(), run.unprocessed(), threshold, missCosts,
                falseAlarmCosts, costPairs);
        if (reportDir != null) {
            writeReport(report, run, entries);
        }
        session.out().print(json ? Json.GSON.toJson(report.asMap()) + "\n" : report.text());
        return policy.exitCode();
    }

    private void writeReport(DetectionReport report, DetectionRun run, List<AnnotatedImageFile> entries)
            throws LoupeException {
        try {
            Files.createDirectories(reportDir);
            Html page = new Html("Loupe eval detect: " + pairs.dataset).stamp();
            Map<String, Path> files = new LinkedHashMap<>();
            entries.forEach(e -> files.put(e.id(), e.image()));
            DetectionPage.append(page, reportDir, "detect-", report, WorstImages.write(report, run.images(), files,
                    reportDir, "detect-"));
            page.write(reportDir.resolve("index.html"));
            session.complain("report: " + reportDir.resolve("index.html"));
        } catch (IOException e) {
            throw LoupeException.badInput(reportDir.toString(), "cannot hold the report (" + e.getMessage() + ")", e);
        }
    }
}
