package org.loupe.cli.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.loupe.api.DefectClassifier;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.pipeline.evaluation.ClassificationReport;
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

    @Mixin
    private CostOption costs;

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
        List<double[]> costPairs = costs.pairs();
        ProviderHandle<DefectClassifier> handle = session.registry().provider(classifier, DefectClassifier.class);
        ProcessingContext ctx = ProcessingContext.of(Parameters.bind(handle.call(LoupeService::parameters), params));
        ClassificationReport report = ClassificationReport.evaluate(handle, ctx, pairs.entries(), patch, costPairs);
        session.out().print(json ? Json.GSON.toJson(report.asMap()) + "\n" : report.text());
        return 0;
    }
}
