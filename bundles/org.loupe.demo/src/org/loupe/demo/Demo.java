package org.loupe.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.loupe.api.LoupeException;
import org.loupe.api.ProviderKind;
import org.loupe.demo.internal.EnhancerRuns;
import org.loupe.demo.internal.PcbSection;
import org.loupe.demo.internal.SampleSection;
import org.loupe.image.PixelImage;
import org.loupe.image.io.AtomicFiles;
import org.loupe.image.io.ReadOptions;
import org.loupe.pipeline.OutputPlan;
import org.loupe.registry.Health;
import org.loupe.registry.ProviderRegistry;
import org.loupe.registry.ProviderStatus;
import org.loupe.report.Html;
import org.loupe.report.Json;
import org.loupe.samples.Sample;
import org.loupe.samples.SampleImages;
import org.loupe.samples.Samples;

/**
 * Loupe's main job on the bundled sample images: every installed enhancer on every sample it accepts (default
 * parameters, median time of three runs, quality against a reference where there is one), then the PCB inspection
 * plugins on the bundled DeepPCB pairs; written as an HTML report with before/after images, {@code results.json}
 * and {@code pcb.json}. A provider that fails is shown as failed and does not stop the others.
 */
public final class Demo {

    /**
     * What the demo did.
     *
     * @param index    the report's page
     * @param results  the enhancer runs, as written to {@code results.json}
     * @param failures enhancer runs that failed
     * @param pcb      boards and patches shown in the PCB section
     * @param exitCode 0, else the worst failure class met
     */
    public record Outcome(Path index, List<Map<String, Object>> results, int failures, int pcb, int exitCode) {
    }

    private final ProviderRegistry registry;
    private final ReadOptions read;
    private final Consumer<LoupeException> failures;
    private final Consumer<String> notes;

    /**
     * @param failures hears each provider failure (the run goes on)
     * @param notes    hears one-line notes, such as a provider skipped
     */
    public Demo(ProviderRegistry registry, ReadOptions read, Consumer<LoupeException> failures,
            Consumer<String> notes) {
        this.registry = registry;
        this.read = read;
        this.failures = failures;
        this.notes = notes;
    }

    /**
     * Checks that the report may be written to {@code out}: new, empty or an earlier demo report, which is replaced;
     * anything else only with {@code overwrite}.
     *
     * @throws LoupeException USAGE for a folder that holds somebody else's files
     */
    public void checkOut(Path out, boolean overwrite) throws LoupeException {
        if (OutputPlan.isEmptyOrAbsent(out)) {
            return;
        }
        boolean earlier = Files.isRegularFile(out.resolve("index.html")) && Files.isRegularFile(out.resolve(
                "results.json")) && Files.isRegularFile(out.resolve("pcb.json"));
        if (!earlier && !overwrite) {
            throw LoupeException.usage(out + " exists and is not an earlier demo report; refusing to write into it "
                    + "(choose another --out, or --overwrite)");
        }
        notes.accept("replacing the " + (earlier ? "earlier demo report" : "files of the report") + " in " + out);
    }

    /** Runs the demo and writes its report into {@code out}. */
    public Outcome run(Path out) throws LoupeException {
        List<ProviderStatus> enhancers = registry.providers(ProviderKind.ENHANCER).stream()
                .filter(s -> s.health() != Health.FAULTY).toList();
        Html page = new Html("Loupe demo");
        page.stamp().paragraph("meta", SampleSection.EXPLANATION);
        EnhancerRuns runs = new EnhancerRuns(registry);
        List<Map<String, Object>> results = new ArrayList<>();
        Set<String> skipped = new HashSet<>();
        int exit = 0;
        int failed = 0;
        for (Sample sample : Samples.all()) {
            PixelImage input = SampleImages.read(sample, read);
            PixelImage reference = sample.reference() == null ? null : SampleImages.readReference(sample, read);
            SampleSection section = new SampleSection(out, sample, input);
            for (ProviderStatus status : enhancers) {
                String id = status.descriptor().id();
                if (!status.descriptor().accepts(input.type()) || skipped.contains(id)) {
                    continue;
                }
                try {
                    section.add(runs.run(id, input, reference));
                } catch (LoupeException e) {
                    if (e.reason() == LoupeException.Reason.USAGE) {
                        // its defaults are not enough (e.g. it runs a model folder the user names): not a failure
                        skipped.add(id);
                        notes.accept("skipping " + id + " (" + e.getMessage() + ")");
                        continue;
                    }
                    failures.accept(e);
                    section.addFailure(status.descriptor(), e.getMessage());
                    failed++;
                    exit = Math.max(exit, e.reason().exitCode());
                }
            }
            section.render(page);
            results.addAll(section.asJson());
        }
        PcbSection pcb = new PcbSection(registry, out);
        try {
            pcb.run(page);
        } catch (LoupeException e) {
            failures.accept(e);
            exit = Math.max(exit, e.reason().exitCode());
        }
        Path index = out.resolve("index.html");
        try {
            AtomicFiles.writeString(out.resolve("results.json"), Json.pretty(results));
            AtomicFiles.writeString(out.resolve("pcb.json"), Json.pretty(pcb.json()));
            page.write(index);
        } catch (IOException e) {
            throw LoupeException.badInput(out.toString(), "cannot write the report (" + e.getMessage() + ")", e);
        }
        return new Outcome(index, results, failed, pcb.results(), exit);
    }
}
