package org.loupe.cli.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.loupe.api.DefectDetector;
import org.loupe.api.Detection;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.data.deeppcb.DeepPcbFiles;
import org.loupe.image.PixelImage;
import org.loupe.image.io.AtomicFiles;
import org.loupe.image.io.ImageFiles;
import org.loupe.pipeline.BatchPolicy;
import org.loupe.pipeline.DetectorChoice;
import org.loupe.pipeline.OutputPlan;
import org.loupe.registry.ModelRecords;
import org.loupe.registry.ProviderHandle;
import org.loupe.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loupe detect}: runs a detector on images, each optionally against one golden (template) image, prints every
 * detection with its type, confidence and box, and can save them as DeepPCB result files ({@code <name>.txt} with
 * {@code x1,y1,x2,y2,confidence,type} lines), the format {@code eval detect --predictions} reads back.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Detect defects in images (e.g. PCB boards against their template).")
final class DetectCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--with", required = true, paramLabel = "ID", description = "The detector.")
    private String detector;

    @Option(names = "--reference", paramLabel = "FILE",
            description = "The golden (template) image every input is compared with.")
    private Path reference;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE", description = "A parameter of the detector.")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--score-threshold", paramLabel = "T", defaultValue = "0.5",
            description = "Confidence a detection needs to be reported and saved (default: ${DEFAULT-VALUE}; 0 keeps "
                    + "all, as mAP needs).")
    private double threshold;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also save each image's detections as DIR/<name>.txt (DeepPCB result format).")
    private Path out;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Mixin
    private OverwriteOption overwrite;

    @Mixin
    private FailFastOption failFast;

    @Mixin
    private TimeoutOption timeout;

    @Mixin
    private FallbackOption fallback;

    @picocli.CommandLine.Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Images or folders.")
    private List<Path> inputs;

    DetectCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw LoupeException.usage("--score-threshold must be in [0, 1], got " + threshold);
        }
        List<Path> files = OutputPlan.expand(inputs);
        // planned before any work, so that two images never write the same file
        OutputPlan plan = out == null ? null : OutputPlan.withExtension(files, out, "txt", detector,
                overwrite.overwrite);
        DetectorChoice choice = DetectorChoice.choose(session.registry(), detector, params, !fallback.noFallback,
                w -> session.complain("warning: " + w));
        ProviderHandle<DefectDetector> handle = choice.handle();
        PixelImage ref = reference == null ? null : ImageFiles.read(reference, session.readOptions());
        TextTable t = new TextTable("IMAGE", "TYPE", "CONFIDENCE", "BOX (x1,y1,x2,y2)");
        List<Map<String, Object>> results = new ArrayList<>();
        int count = 0;
        BatchPolicy policy = new BatchPolicy(failFast.failFast, timeout.limit(), session::fail);
        for (Path file : files) {
            Optional<List<Detection>> detected = policy.item(file.toString(), expired -> {
                ProcessingContext ctx = ProcessingContext.builder().parameters(choice.parameters())
                        .onWarning(w -> session.complain("warning: " + w)).cancelWhen(expired).build();
                PixelImage img = ImageFiles.read(file, session.readOptions());
                List<Detection> all = handle.call(d -> d.detect(img, ref, ctx)).stream()
                        .filter(d -> d.score() >= threshold).toList();
                TimeoutOption.unlessExpired(expired);
                if (out != null) {
                    save(plan.target(file), all);
                }
                return all;
            });
            if (detected.isEmpty()) {
                continue;
            }
            List<Detection> found = detected.get();
            for (Detection d : found) {
                t.row(file.toString(), d.label(), String.format(Locale.ROOT, "%.3f", d.score()), String.format(
                        Locale.ROOT, "%.0f,%.0f,%.0f,%.0f", d.x1(), d.y1(), d.x2(), d.y2()));
            }
            count += found.size();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("image", file.toString());
            m.put("detections", found);
            results.add(m);
        }
        if (json) {
            Map<String, String> who = Map.of("id", handle.descriptor().id(), "version", handle.descriptor().version(),
                    "model", ModelRecords.inUse(handle.descriptor(), choice.parameters()));
            session.out().println(Json.GSON.toJson(Map.of("detector", who, "scoreThreshold", threshold, "results",
                    results, "failures", policy.failures())));
        } else {
            t.print(session.out());
            session.out().printf(Locale.ROOT, "%d detections in %d images%s%s%n", count, results.size(),
                    policy.failures().isEmpty() ? "" : " (" + policy.failures().size() + " could not be processed)",
                    out == null ? "" : "; saved in " + out);
        }
        return policy.exitCode();
    }

    private static void save(Path target, List<Detection> found) throws LoupeException {
        try {
            AtomicFiles.writeString(target, DeepPcbFiles.format(found));
        } catch (IOException x) {
            throw LoupeException.badInput(target.toString(), "cannot write detections (" + x.getMessage() + ")", x);
        }
    }
}
