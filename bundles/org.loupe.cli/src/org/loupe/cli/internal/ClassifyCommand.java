package org.loupe.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.loupe.api.Classification;
import org.loupe.api.DefectClassifier;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.pipeline.BatchPolicy;
import org.loupe.registry.ModelRecords;
import org.loupe.registry.ProviderHandle;
import org.loupe.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loupe classify}: a classifier's verdict on images, each optionally against a golden reference; prints the
 * label, the confidence and the classifier's own figures (for the Siamese classifier, the distance and threshold).
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify images (e.g. PCB patches against their template patch).")
final class ClassifyCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--with", required = true, paramLabel = "ID", description = "The classifier.")
    private String classifier;

    @Option(names = "--reference", paramLabel = "FILE",
            description = "The golden (template) image every input is compared with.")
    private Path reference;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE", description = "A parameter of the classifier.")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Mixin
    private FailFastOption failFast;

    @Mixin
    private TimeoutOption timeout;

    @picocli.CommandLine.Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Images to classify.")
    private List<Path> images;

    ClassifyCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        ProviderHandle<DefectClassifier> handle = session.registry().provider(classifier, DefectClassifier.class);
        Parameters bound = Parameters.bind(handle.call(LoupeService::parameters), params);
        PixelImage ref = reference == null ? null : ImageFiles.read(reference, session.readOptions());
        TextTable t = new TextTable("IMAGE", "LABEL", "CONFIDENCE", "DETAILS");
        List<Map<String, Object>> rows = new ArrayList<>();
        BatchPolicy policy = new BatchPolicy(failFast.failFast, timeout.limit(), session::fail);
        for (Path file : images) {
            Optional<Classification> decided = policy.item(file.toString(), expired -> {
                PixelImage img = ImageFiles.read(file, session.readOptions());
                ProcessingContext ctx = ProcessingContext.builder().parameters(bound).cancelWhen(expired).build();
                Classification c = handle.call(k -> k.classify(img, ref, ctx));
                TimeoutOption.unlessExpired(expired);
                return c;
            });
            if (decided.isEmpty()) {
                continue;
            }
            Classification c = decided.get();
            StringBuilder details = new StringBuilder();
            c.details().forEach((name, value) -> details.append(details.length() == 0 ? "" : ", ").append(name)
                    .append(' ').append(String.format(Locale.ROOT, "%.4f", value)));
            t.row(file.toString(), c.label(), String.format(Locale.ROOT, "%.3f", c.confidence()),
                    details.toString());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("image", file.toString());
            m.put("label", c.label());
            m.put("confidence", c.confidence());
            m.put("details", c.details());
            rows.add(m);
        }
        if (json) {
            Map<String, String> who = Map.of("id", classifier, "version", handle.descriptor().version(), "model",
                    ModelRecords.inUse(handle.descriptor(), bound));
            session.out().println(Json.GSON.toJson(Map.of("classifier", who, "results", rows, "failures",
                    policy.failures())));
        } else {
            t.print(session.out());
        }
        return policy.exitCode();
    }
}
