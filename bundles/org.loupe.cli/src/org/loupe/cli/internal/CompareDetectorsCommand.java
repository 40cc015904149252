package org.loupe.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.loupe.api.LoupeException;
import org.loupe.pipeline.BatchPolicy;
import org.loupe.pipeline.OutputPlan;
import org.loupe.pipeline.evaluation.DetectorComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code loupe compare detectors}: prints a {@link DetectorComparison} and writes its report. */
@Command(name = "detectors", mixinStandardHelpOptions = true,
        description = "Several detectors on the same DeepPCB, COCO or YOLO data: mAP, F1, PWS and speed side by side.")
final class CompareDetectorsCommand implements Callable<Integer> {

    private final Session session;

    @Mixin
    private DeepPcbSelection images;

    @Option(names = "--with", required = true, split = ",", paramLabel = "ID", description = "The detectors, "
            + "comma-separated.")
    private List<String> detectors = new ArrayList<>();

    @Option(names = {"-p", "--param"}, paramLabel = "ID:KEY=VALUE", description = "A parameter of one detector, "
            + "e.g. detect.classic:model=wafer-model (repeatable).")
    private List<String> params = new ArrayList<>();

    @Option(names = "--score-threshold", paramLabel = "T", defaultValue = "0.5", description = "Confidence a "
            + "detection needs for F1, precision, recall and PWS (default: ${DEFAULT-VALUE}).")
    private double threshold;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write an HTML report into this new or empty "
            + "folder.")
    private Path reportDir;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Mixin
    private FailFastOption failFast;

    CompareDetectorsCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        if (reportDir != null && !OutputPlan.isEmptyOrAbsent(reportDir)) {
            throw LoupeException.usage(reportDir + " is not empty; choose a new folder for the report");
        }
        BatchPolicy policy = new BatchPolicy(failFast.failFast, session::fail);
        DetectorComparison c = DetectorComparison.run(session.registry(), detectors,
                ProviderParams.byProvider(params, detectors), images.images(), threshold, policy,
                session.readOptions());
        if (reportDir != null) {
            try {
                Files.createDirectories(reportDir);
                c.writeReport(reportDir, "Loupe compare detectors: " + images.dataset);
            } catch (IOException e) {
                throw LoupeException.badInput(reportDir.toString(), "cannot hold the report (" + e.getMessage() + ")",
                        e);
            }
            session.complain("report: " + reportDir.resolve("index.html"));
        }
        session.out().print(json ? Json.GSON.toJson(c.asMaps()) + "\n" : c.text());
        return policy.exitCode();
    }
}
