package org.loupe.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.pipeline.BatchPolicy;
import org.loupe.pipeline.evaluation.SegmenterComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code loupe compare segmenters}: prints a {@link SegmenterComparison}. */
@Command(name = "segmenters", mixinStandardHelpOptions = true,
        description = "Several segmenters on the same cases (each with ct/ or ct.nii.gz and a truth label map): "
                + "Dice, IoU, HD95, surface distance and time side by side, and on how many cases each beats the "
                + "first.")
final class CompareSegmentersCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "Folder of case folders.")
    private Path dataset;

    @Option(names = "--with", required = true, split = ",", paramLabel = "ID", description = "The segmenters, "
            + "comma-separated; the first is the one the others are counted against.")
    private List<String> segmenters = new ArrayList<>();

    @Option(names = {"-p", "--param"}, paramLabel = "ID:KEY=VALUE", description = "A parameter of one segmenter, "
            + "e.g. segment.liver.unet:model=unet-s2 (repeatable).")
    private List<String> params = new ArrayList<>();

    @Option(names = "--truth", paramLabel = "FILE", defaultValue = "liver.nii.gz", description = "Each case's truth "
            + "label map; its non-zero voxels are the target (default ${DEFAULT-VALUE}).")
    private String truth;

    @Option(names = "--label", paramLabel = "N", defaultValue = "1", description = "The segmenters' label scored "
            + "(default ${DEFAULT-VALUE}).")
    private int label;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Mixin
    private FailFastOption failFast;

    CompareSegmentersCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        BatchPolicy policy = new BatchPolicy(failFast.failFast, session::fail);
        SegmenterComparison c = SegmenterComparison.run(session.registry(), segmenters,
                ProviderParams.byProvider(params, segmenters), dataset, truth, label, policy, session.readOptions(),
                ProcessingContext.builder().onProgress(new ProgressLines(session.err(), "compare segmenters"))
                        .build());
        if (json) {
            session.out().println(Json.GSON.toJson(c.asMaps()));
        } else {
            session.out().printf(Locale.ROOT, "%s on %s, label %d against %s:%n", String.join(" vs ", segmenters),
                    dataset, label, truth);
            session.out().print(c.text());
        }
        return policy.exitCode();
    }
}
