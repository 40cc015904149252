package org.loupe.cli.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.ParameterSpec;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.pipeline.OutputPlan;
import org.loupe.pipeline.evaluation.SrReport;
import org.loupe.registry.ProviderHandle;
import org.loupe.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loupe eval sr}: a super-resolution provider on a benchmark folder (Set5, Set14, ...), with the protocol of
 * the published tables (see {@link SrReport}): PSNR and SSIM on luma, per image and on average.
 */
@Command(name = "sr", mixinStandardHelpOptions = true,
        description = "Evaluate a super-resolution enhancer on a folder of high-resolution images (Y channel, "
                + "MATLAB bicubic downscaling, scale pixels shaved).")
final class EvalSrCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "Folder of HR images.")
    private Path dataset;

    @Option(names = "--scale", required = true, paramLabel = "S", description = "Upscaling factor (2, 3, 4, ...).")
    private int scale;

    @Option(names = "--with", required = true, paramLabel = "ID", description = "The enhancer to evaluate.")
    private String id;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
            description = "A parameter of the enhancer; 'scale' is set to S unless given.")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--lr-jpeg", paramLabel = "Q", description = "Give the model a JPEG of quality Q (1-100): the "
            + "HR image is shrunk in RGB, rounded to 8 bits and JPEG-compressed; its luma is the input.")
    private Integer lrJpeg;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    private boolean json;

    EvalSrCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        if (scale < 2 || scale > 16) {
            throw LoupeException.usage("--scale must be between 2 and 16, got " + scale);
        }
        if (lrJpeg != null && (lrJpeg < 1 || lrJpeg > 100)) {
            throw LoupeException.usage("--lr-jpeg must be between 1 and 100, got " + lrJpeg);
        }
        ProviderHandle<ImageEnhancer> enhancer = session.registry().provider(id, ImageEnhancer.class);
        List<ParameterSpec> specs = enhancer.call(LoupeService::parameters);
        Map<String, String> given = new LinkedHashMap<>(params);
        if (specs.stream().anyMatch(s -> s.key().equals("scale"))) {
            given.putIfAbsent("scale", Integer.toString(scale));
        }
        Parameters parameters = Parameters.bind(specs, given);
        List<Path> files = OutputPlan.expand(List.of(dataset));
        if (files.isEmpty()) {
            throw LoupeException.badInput(dataset.toString(), "holds no images (PNG, JPEG, BMP, TIFF, PGM/PPM)");
        }
        SrReport r = SrReport.evaluate(enhancer, ProcessingContext.of(parameters), files, scale, lrJpeg,
                session.readOptions());
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("dataset", dataset.toString());
            report.put("provider", Map.of("id", id, "version", enhancer.descriptor().version()));
            report.put("parameters", parameters.asText());
            report.putAll(r.asMap());
            session.out().println(Json.GSON.toJson(report));
            return 0;
        }
        TextTable t = new TextTable("IMAGE", "SIZE", "PSNR (dB)", "SSIM");
        for (SrReport.Row row : r.images()) {
            t.row(row.image(), row.width() + "x" + row.height(), fmt("%.2f", row.psnr()), fmt("%.4f", row.ssim()));
        }
        t.row("mean", files.size() + " images", fmt("%.2f", r.psnr()), fmt("%.4f", r.ssim()));
        session.out().println(id + " " + enhancer.descriptor().version() + " on " + dataset + ", x" + scale
                + " (Y channel, " + scale + " px shaved; " + r.lowResolution() + ")");
        t.print(session.out());
        return 0;
    }

    private static String fmt(String pattern, double v) {
        return String.format(Locale.ROOT, pattern, v);
    }
}
