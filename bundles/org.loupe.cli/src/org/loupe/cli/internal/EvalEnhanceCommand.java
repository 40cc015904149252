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
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.data.xray.XrayDataset;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.metrics.image.ImageComparison;
import org.loupe.metrics.image.Psnr;
import org.loupe.metrics.image.Ssim;
import org.loupe.registry.ProviderHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loupe eval enhance}: an enhancer on pairs of a degraded and a reference image (the LQ and HQ exposures of
 * {@code loupe data xray}, or any {@code lq/} + {@code hq/} folders), per image type: PSNR and SSIM of the input and
 * of the output against the reference, and the gain, as in Shim, Kim et al.'s Table I.
 */
@Command(name = "enhance", mixinStandardHelpOptions = true,
        description = "Evaluate an enhancer on LQ/HQ pairs (TYPE/SPLIT/lq|hq or lq|hq): PSNR and SSIM of input "
                + "and output against HQ, per type and averaged over types.")
final class EvalEnhanceCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "Dataset folder.")
    private Path dataset;

    @Option(names = "--split", defaultValue = "test", description = "Split to evaluate (default ${DEFAULT-VALUE}).")
    private String split;

    @Option(names = "--with", required = true, paramLabel = "ID", description = "The enhancer to evaluate.")
    private String id;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE", description = "A parameter of the enhancer.")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Evaluate at most N pairs per type (0: all).")
    private int limit;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    private boolean json;

    EvalEnhanceCommand(Session session) {
        this.session = session;
    }

    /** Sums for one image type. */
    private static final class Type {
        int n;
        double psnrIn;
        double psnrOut;
        double ssimIn;
        double ssimOut;
        double millis;
    }

    @Override
    public Integer call() throws LoupeException {
        ProviderHandle<ImageEnhancer> enhancer = session.registry().provider(id, ImageEnhancer.class);
        Parameters parameters = Parameters.bind(enhancer.call(LoupeService::parameters), params);
        ImageComparison how = new ImageComparison(ImageComparison.Channels.ALL, 0, 0);
        Map<String, Type> types = new LinkedHashMap<>();
        for (XrayDataset.Pair pair : XrayDataset.pairs(dataset, split)) {
            Type t = types.computeIfAbsent(pair.type(), k -> new Type());
            if (limit > 0 && t.n >= limit) {
                continue;
            }
            PixelImage lq = ImageFiles.read(pair.lq(), session.readOptions());
            PixelImage hq = ImageFiles.read(pair.hq(), session.readOptions());
            long t0 = System.nanoTime();
            PixelImage out = enhancer.call(e -> e.enhance(lq, ProcessingContext.of(parameters)));
            t.millis += (System.nanoTime() - t0) / 1e6;
            t.psnrIn += Psnr.of(lq, hq, how);
            t.psnrOut += Psnr.of(out, hq, how);
            t.ssimIn += Ssim.of(lq, hq, how);
            t.ssimOut += Ssim.of(out, hq, how);
            t.n++;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        double[] avg = new double[4];
        for (Map.Entry<String, Type> e : types.entrySet()) {
            Type t = e.getValue();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("type", e.getKey());
            row.put("pairs", t.n);
            row.put("inputPsnr", t.psnrIn / t.n);
            row.put("outputPsnr", t.psnrOut / t.n);
            row.put("inputSsim", t.ssimIn / t.n);
            row.put("outputSsim", t.ssimOut / t.n);
            row.put("millisPerImage", t.millis / t.n);
            rows.add(row);
            avg[0] += t.psnrIn / t.n / types.size();
            avg[1] += t.psnrOut / t.n / types.size();
            avg[2] += t.ssimIn / t.n / types.size();
            avg[3] += t.ssimOut / t.n / types.size();
        }
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("dataset", dataset.toString());
            report.put("split", split);
            report.put("provider", Map.of("id", id, "version", enhancer.descriptor().version()));
            report.put("parameters", parameters.asText());
            report.put("types", rows);
            report.put("average", Map.of("inputPsnr", avg[0], "outputPsnr", avg[1], "inputSsim", avg[2],
                    "outputSsim", avg[3]));
            session.out().println(Json.GSON.toJson(report));
            return 0;
        }
        session.out().println(id + " " + enhancer.descriptor().version() + " " + parameters.asText() + " on "
                + dataset + " (" + split + "; PSNR peak and SSIM range from the bit depth)");
        Table table = new Table("TYPE", "PAIRS", "PSNR (dB)", "GAIN", "SSIM", "GAIN", "ms/IMAGE");
        for (Map<String, Object> r : rows) {
            double pi = (Double) r.get("inputPsnr");
            double po = (Double) r.get("outputPsnr");
            double si = (Double) r.get("inputSsim");
            double so = (Double) r.get("outputSsim");
            table.row(r.get("type"), r.get("pairs"), f("%.2f", po), f("%+.2f", po - pi), f("%.4f", so),
                    f("%+.4f", so - si), f("%.0f", (Double) r.get("millisPerImage")));
        }
        table.row("average", "", f("%.2f", avg[1]), f("%+.2f", avg[1] - avg[0]), f("%.4f", avg[3]),
                f("%+.4f", avg[3] - avg[2]), "");
        table.print(session.out());
        return 0;
    }

    private static String f(String pattern, double v) {
        return String.format(Locale.ROOT, pattern, v);
    }
}
