package org.loupe.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
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
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.metrics.image.SuperResolutionProtocol;
import org.loupe.pipeline.OutputPlan;
import org.loupe.registry.ProviderHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loupe eval sr}: a super-resolution provider on a benchmark folder (Set5, Set14, ...), with the protocol of
 * the published tables (see {@link SuperResolutionProtocol}): PSNR and SSIM on luma, per image and on average.
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
        List<Map<String, Object>> rows = new ArrayList<>();
        double psnrSum = 0;
        double ssimSum = 0;
        for (Path f : files) {
            PixelImage hr = ImageFiles.read(f, session.readOptions());
            SuperResolutionProtocol.Pair pair = lrJpeg == null ? SuperResolutionProtocol.prepare(hr, scale)
                    : SuperResolutionProtocol.prepare(hr, scale, lr -> ImageFiles.jpegRoundTrip(lr, lrJpeg));
            PixelImage sr = enhancer.call(e -> e.enhance(pair.lowResolution(), ProcessingContext.of(parameters)));
            SuperResolutionProtocol.Score s = SuperResolutionProtocol.score(sr, pair);
            psnrSum += s.psnr();
            ssimSum += s.ssim();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("image", f.getFileName().toString());
            row.put("width", pair.highResolution().width());
            row.put("height", pair.highResolution().height());
            row.put("psnr", s.psnr());
            row.put("ssim", s.ssim());
            rows.add(row);
        }
        double psnr = psnrSum / files.size();
        double ssim = ssimSum / files.size();
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("dataset", dataset.toString());
            report.put("scale", scale);
            report.put("provider", Map.of("id", id, "version", enhancer.descriptor().version()));
            report.put("parameters", parameters.asText());
            report.put("protocol", "Y of MATLAB rgb2ycbcr; HR cropped to a multiple of the scale; " + lowResolution()
                    + "; output rounded to 8 bits; scale pixels shaved; PSNR peak 255; SSIM Wang 2004");
            report.put("images", rows);
            report.put("mean", Map.of("psnr", psnr, "ssim", ssim));
            session.out().println(Json.GSON.toJson(report));
            return 0;
        }
        Table t = new Table("IMAGE", "SIZE", "PSNR (dB)", "SSIM");
        for (Map<String, Object> r : rows) {
            t.row(r.get("image"), r.get("width") + "x" + r.get("height"), fmt("%.2f", r.get("psnr")),
                    fmt("%.4f", r.get("ssim")));
        }
        t.row("mean", files.size() + " images", fmt("%.2f", psnr), fmt("%.4f", ssim));
        session.out().println(id + " " + enhancer.descriptor().version() + " on " + dataset + ", x" + scale
                + " (Y channel, " + scale + " px shaved; " + lowResolution() + ")");
        t.print(session.out());
        return 0;
    }

    private String lowResolution() {
        return lrJpeg == null ? "LR = imresize(Y/255, 1/scale, bicubic) in floating point"
                : "LR = Y of imresize(RGB, 1/scale, bicubic) rounded to 8 bits and stored as JPEG quality " + lrJpeg;
    }

    private static String fmt(String pattern, Object v) {
        return String.format(Locale.ROOT, pattern, v);
    }
}
