package org.loupe.cli.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.data.ct.CtLiverDataset;
import org.loupe.pipeline.BatchPolicy;
import org.loupe.pipeline.liver.LesionPatchExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code loupe data lesion-patches}: a lesion classifier's training patches from CT liver phantoms. */
@Command(name = "lesion-patches", mixinStandardHelpOptions = true,
        description = {"Cut every lesion candidate of a 'loupe data ct-liver' set (liver by the segmenter, dark "
            + "regions inside it) as a 32x32 HU patch into tumour/, cyst/ or normal/ by the truth it covers, with "
            + "patches.csv: the training data of 'loupe train classify.liver.lesion'.", CtLiverDataset.NOT_PATIENTS})
final class DataLesionPatchesCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--from", required = true, paramLabel = "DIR", description = "A CT liver phantom set; "
            + "repeatable (cases are then named SET-case-NNN).")
    private List<Path> from;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "New or empty output folder.")
    private Path out;

    @Mixin
    private LiverStagesOptions stages;

    @Option(names = "--slices", paramLabel = "N", defaultValue = "3", description = "Patches per candidate: 1 (its "
            + "largest slice), 3 or 5 (and the slices around it) (default ${DEFAULT-VALUE}).")
    private int slices;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Mixin
    private FailFastOption failFast;

    DataLesionPatchesCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        if (slices != 1 && slices != 3 && slices != 5) {
            throw LoupeException.usage("--slices must be 1, 3 or 5, got " + slices);
        }
        BatchPolicy policy = new BatchPolicy(failFast.failFast, session::fail);
        ProgressLines progress = new ProgressLines(session.err(), "lesion-patches");
        LesionPatchExport.Summary s = LesionPatchExport.write(from, out, stages.stages(session), slices, policy, session.readOptions(),
                ProcessingContext.builder().onProgress(progress).build());
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("out", out.toString());
            m.put("cases", s.cases());
            m.put("patches", s.patches());
            m.put("lesionsWithoutCandidate", s.missed());
            m.put("failures", policy.failures());
            session.out().println(Json.GSON.toJson(m));
        } else {
            session.out().printf(Locale.ROOT, "wrote %s patches of %d cases to %s; %d lesions had no candidate%n",
                    s.patches(), s.cases(), out, s.missed());
        }
        return policy.exitCode();
    }
}
