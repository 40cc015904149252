package org.loupe.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.concurrent.Callable;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ImageFormat;
import org.loupe.image.io.VolumeFiles;
import org.loupe.image.volume.Volume;
import org.loupe.pipeline.BatchPolicy;
import org.loupe.pipeline.OutputPlan;
import org.loupe.registry.ProviderHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loupe enhance}: runs one enhancer over images and writes the results, keeping bit depth. Each input is read,
 * enhanced and written on its own, under the batch policy ({@link BatchPolicy}).
 */
@Command(name = "enhance", mixinStandardHelpOptions = true,
        description = "Enhance images with one enhancer; outputs keep their input's name, format and bit depth.")
final class EnhanceCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--with", required = true, paramLabel = "ID", description = "Enhancer id (see 'loupe plugins').")
    private String id;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
            description = "A parameter of the enhancer (see 'loupe describe ID'); repeatable.")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed).")
    private Path out;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Output format instead of each input's: ${COMPLETION-CANDIDATES}.")
    private ImageFormat format;

    @Option(names = "--json", description = "Print a JSON report on standard output.")
    private boolean json;

    @Mixin
    private OverwriteOption overwrite;

    @Mixin
    private FailFastOption failFast;

    @Mixin
    private TimeoutOption timeout;

    @picocli.CommandLine.Parameters(arity = "1..*", paramLabel = "IN",
            description = "Input images, or folders of images.")
    private List<Path> inputs;

    EnhanceCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        ProviderHandle<ImageEnhancer> enhancer = session.registry().provider(id, ImageEnhancer.class);
        Parameters parameters = Parameters.bind(enhancer.call(LoupeService::parameters), params);
        List<Path> files = OutputPlan.expand(inputs, out, id, session::complain);
        OutputPlan plan = OutputPlan.of(files, out, Optional.ofNullable(format), id, overwrite.overwrite);
        List<Map<String, Object>> results = new ArrayList<>();
        BatchPolicy policy = new BatchPolicy(failFast.failFast, timeout.limit(), session::fail);
        for (Path in : files) {
            policy.item(in.toString(), expired -> enhanceOneWithin(enhancer, parameters, in, plan, expired))
                    .ifPresent(results::add);
        }
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("provider", Map.of("id", id, "version", enhancer.descriptor().version()));
            report.put("parameters", parameters.asText());
            report.put("results", results);
            report.put("failures", policy.failures());
            session.out().println(Json.GSON.toJson(report));
        }
        return policy.exitCode();
    }

    /** One input; running out of memory on it is a failure of that input, named, and the others go on. */
    private Map<String, Object> enhanceOneWithin(ProviderHandle<ImageEnhancer> enhancer, Parameters parameters,
            Path in, OutputPlan plan, BooleanSupplier expired) throws LoupeException {
        try {
            return enhanceOne(enhancer, parameters, in, plan, expired);
        } catch (OutOfMemoryError e) {
            throw LoupeException.badInput(in.toString(), Memory.notEnough(), null);
        }
    }

    private Map<String, Object> enhanceOne(ProviderHandle<ImageEnhancer> enhancer, Parameters parameters, Path in,
            OutputPlan plan, BooleanSupplier expired) throws LoupeException {
        Path target = plan.target(in);
        if (ImageFiles.formatOf(in) == ImageFormat.NIFTI) {
            Volume volume = VolumeFiles.read(in, session.readOptions());
            if (volume.depth() > 1) {
                return enhanceVolume(enhancer, parameters, in, volume, plan, expired);
            }
        }
        PixelImage input = ImageFiles.read(in, session.readOptions());
        // the format is settled from the declared output type before the work, so a clash is found before it
        ImageType outType = enhancer.call(e -> e.outputType(input.type()));
        ImageFormat asked = ImageFormat.fromFileName(target.getFileName().toString()).orElse(ImageFormat.PNG);
        ImageFormat targetFormat = asked.orTiffFor(outType);
        if (targetFormat != asked) {
            session.complain("note: " + asked + " cannot store " + outType + "; writing TIFF instead");
            target = plan.target(in, targetFormat);
        }
        long start = System.nanoTime();
        ProcessingContext ctx = ProcessingContext.builder().parameters(parameters).cancelWhen(expired).build();
        PixelImage result = enhancer.call(e -> e.enhance(input, ctx));
        long millis = (System.nanoTime() - start) / 1_000_000;
        TimeoutOption.unlessExpired(expired);
        ImageFormat actual = targetFormat.orTiffFor(result.type());
        if (actual != targetFormat) {
            target = plan.target(in, actual); // the provider's declared output type was not what it made
        }
        ImageFiles.write(result, target, actual);
        if (!json) {
            session.out().printf("%s -> %s  (%s %dx%d, %d ms)%n", Printable.of(in.toString()),
                    Printable.of(target.toString()), result.type(), result.width(),
                    result.height(), millis);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("input", in.toString());
        r.put("output", target.toString());
        r.put("type", result.type().toString());
        r.put("width", result.width());
        r.put("height", result.height());
        r.put("millis", millis);
        r.put("madeBy", result.metadata().provenance());
        return r;
    }

    /** A 3-D NIfTI input: enhanced as a volume (slice by slice unless the enhancer works in 3-D), written as NIfTI. */
    private Map<String, Object> enhanceVolume(ProviderHandle<ImageEnhancer> enhancer, Parameters parameters, Path in,
            Volume volume, OutputPlan plan, BooleanSupplier expired) throws LoupeException {
        Path target = plan.target(in);
        if (ImageFormat.fromFileName(target.getFileName().toString()).orElse(null) != ImageFormat.NIFTI) {
            session.complain("note: " + in.getFileName() + " is a volume; writing NIfTI instead");
            target = plan.target(in, ImageFormat.NIFTI);
        }
        ProgressLines progress = new ProgressLines(session.err(), in.getFileName().toString());
        ProcessingContext ctx = ProcessingContext.builder().parameters(parameters).onProgress(progress)
                .cancelWhen(expired).build();
        long start = System.nanoTime();
        Volume result = enhancer.call(e -> e.enhance(volume, ctx));
        long millis = (System.nanoTime() - start) / 1_000_000;
        TimeoutOption.unlessExpired(expired);
        VolumeFiles.writeNifti(result, target);
        if (!json) {
            session.out().printf("%s -> %s  (volume %dx%dx%d, %d ms)%n", Printable.of(in.toString()),
                    Printable.of(target.toString()), result.width(), result.height(), result.depth(), millis);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("input", in.toString());
        r.put("output", target.toString());
        r.put("type", "VOLUME:FLOAT32:1");
        r.put("width", result.width());
        r.put("height", result.height());
        r.put("depth", result.depth());
        r.put("millis", millis);
        r.put("madeBy", result.metadata().provenance());
        return r;
    }
}
