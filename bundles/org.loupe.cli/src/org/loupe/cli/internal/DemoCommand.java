package org.loupe.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderKind;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.PixelType;
import org.loupe.image.io.AtomicFiles;
import org.loupe.metrics.image.ImageComparison;
import org.loupe.metrics.image.Psnr;
import org.loupe.metrics.image.Ssim;
import org.loupe.metrics.image.SuperResolutionProtocol;
import org.loupe.pipeline.OutputPlan;
import org.loupe.registry.Health;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderStatus;
import org.loupe.samples.Sample;
import org.loupe.samples.Samples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loupe demo}: the main job on the bundled sample images. Runs every installed enhancer on every sample it
 * accepts, with default parameters, and writes an HTML report with before/after images, timings and the full-depth
 * outputs. A provider that fails is shown as failed in the report and makes the exit code 4.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run every enhancer on the bundled sample images and write an HTML report.")
final class DemoCommand implements Callable<Integer> {

    private static final int TIMED_RUNS = 3;

    private final Session session;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "loupe-demo",
            description = "Report folder (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--json", description = "Also print the results as JSON on standard output.")
    private boolean json;

    @Mixin
    private OverwriteOption overwrite;

    DemoCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        List<ProviderStatus> enhancers = session.registry().providers(ProviderKind.ENHANCER).stream()
                .filter(s -> s.health() != Health.FAULTY).toList();
        if (!OutputPlan.isEmptyOrAbsent(out)) {
            // an earlier report is the demo's own output and is replaced; anything else is somebody's data
            boolean earlier = Files.isRegularFile(out.resolve("index.html")) && Files.isRegularFile(out.resolve(
                    "results.json")) && Files.isRegularFile(out.resolve("pcb.json"));
            if (!earlier && !overwrite.overwrite) {
                throw LoupeException.usage(out + " exists and is not an earlier demo report; refusing to write into "
                        + "it (choose another --out, or --overwrite)");
            }
            session.complain("note: replacing the " + (earlier ? "earlier demo report" : "files of the report")
                    + " in " + out);
        }
        DemoReport report = new DemoReport(out);
        Set<String> skipped = new HashSet<>();
        int exit = 0;
        for (Sample sample : Samples.all()) {
            PixelImage input = SampleImages.read(sample, session.readOptions());
            PixelImage reference = sample.reference() == null ? null : SampleImages.readReference(sample, session.readOptions());
            report.addSample(sample, input);
            for (ProviderStatus status : enhancers) {
                if (!status.descriptor().accepts(input.type()) || skipped.contains(status.descriptor().id())) {
                    continue;
                }
                try {
                    report.addResult(sample, run(status.descriptor().id(), input, reference));
                } catch (LoupeException e) {
                    if (e.reason() == LoupeException.Reason.USAGE) {
                        // its defaults are not enough (e.g. it runs a model folder the user names): not a failure
                        skipped.add(status.descriptor().id());
                        session.complain("note: skipping " + status.descriptor().id() + " (" + e.getMessage() + ")");
                        continue;
                    }
                    session.fail(e);
                    report.addFailure(sample, status.descriptor(), e.getMessage());
                    exit = Math.max(exit, e.reason().exitCode());
                }
            }
        }
        DemoPcbSection pcb = new DemoPcbSection(session, out);
        try {
            pcb.run();
        } catch (LoupeException e) {
            session.fail(e);
            exit = Math.max(exit, e.reason().exitCode());
        }
        report.addSection(pcb.html());
        Path index = report.write();
        try {
            AtomicFiles.writeString(out.resolve("pcb.json"), Json.GSON.toJson(pcb.json()));
        } catch (IOException e) {
            throw LoupeException.badInput(out.toString(), "cannot write pcb.json (" + e.getMessage() + ")", e);
        }
        session.err().println("Wrote " + index + " (" + report.resultCount() + " results, "
                + report.failureCount() + " failures; PCB section: " + pcb.results() + " boards and patches)");
        if (json) {
            session.out().println(Json.GSON.toJson(report.asJson()));
        } else {
            session.out().println(index);
        }
        return exit;
    }

    private DemoReport.Result run(String id, PixelImage input, PixelImage reference) throws LoupeException {
        ProviderHandle<ImageEnhancer> handle = session.registry().provider(id, ImageEnhancer.class);
        Parameters parameters = Parameters.defaults(handle.call(LoupeService::parameters));
        ProcessingContext ctx = ProcessingContext.of(parameters);
        PixelImage output = handle.call(e -> e.enhance(input, ctx)); // warm-up: class loading and JIT
        long[] nanos = new long[TIMED_RUNS];
        for (int i = 0; i < TIMED_RUNS; i++) {
            long start = System.nanoTime();
            output = handle.call(e -> e.enhance(input, ctx));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        Map<String, String> shown = parameters.asText();
        return new DemoReport.Result(handle.descriptor(), shown, output, nanos[TIMED_RUNS / 2] / 1e6,
                reference == null ? quality(handle, ctx, input, output) : quality(input, output, reference));
    }

    /** PSNR and SSIM of input and output against the sample's reference image, where they have its size. */
    private static String quality(PixelImage input, PixelImage output, PixelImage reference) throws LoupeException {
        if (output.width() != reference.width() || output.height() != reference.height()
                || output.type() != reference.type()) {
            return "";
        }
        ImageComparison how = new ImageComparison(ImageComparison.Channels.ALL, 0, 0);
        return String.format(Locale.ROOT, "against the reference: %.2f dB, SSIM %.4f (input %.2f dB, %.4f)",
                Psnr.of(output, reference, how), Ssim.of(output, reference, how), Psnr.of(input, reference, how),
                Ssim.of(input, reference, how));
    }

    /**
     * For a x2 enhancer on an 8-bit sample, the published super-resolution protocol with the sample as its own
     * reference; empty otherwise.
     */
    private static String quality(ProviderHandle<ImageEnhancer> handle, ProcessingContext ctx, PixelImage input,
            PixelImage output) throws LoupeException {
        boolean x2 = output.width() == 2 * input.width() && output.height() == 2 * input.height();
        if (!x2 || input.type().pixelType() != PixelType.UINT8
                || !handle.descriptor().accepts(ImageType.GRAY_F32)) {
            return "";
        }
        SuperResolutionProtocol.Pair pair = SuperResolutionProtocol.prepare(input, 2);
        PixelImage sr = handle.call(e -> e.enhance(pair.lowResolution(), ctx));
        SuperResolutionProtocol.Score s = SuperResolutionProtocol.score(sr, pair);
        return String.format(Locale.ROOT, "x2 of its /2 copy: %.2f dB, SSIM %.4f", s.psnr(), s.ssim());
    }
}
