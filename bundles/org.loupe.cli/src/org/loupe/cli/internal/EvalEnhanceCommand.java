package org.loupe.cli.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.pipeline.evaluation.EnhancementReport;
import org.loupe.registry.ProviderHandle;
import org.loupe.report.TextTable;
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

    @Override
    public Integer call() throws LoupeException {
        ProviderHandle<ImageEnhancer> enhancer = session.registry().provider(id, ImageEnhancer.class);
        Parameters parameters = Parameters.bind(enhancer.call(LoupeService::parameters), params);
        EnhancementReport r = EnhancementReport.evaluate(enhancer, ProcessingContext.of(parameters), dataset, split,
                limit, session.readOptions());
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("dataset", dataset.toString());
            report.put("split", split);
            report.put("provider", Map.of("id", id, "version", enhancer.descriptor().version()));
            report.put("parameters", parameters.asText());
            report.putAll(r.asMap());
            session.out().println(Json.GSON.toJson(report));
            return 0;
        }
        session.out().println(id + " " + enhancer.descriptor().version() + " " + parameters.asText() + " on "
                + dataset + " (" + split + "; PSNR peak and SSIM range from the bit depth)");
        TextTable table = new TextTable("TYPE", "PAIRS", "PSNR (dB)", "GAIN", "SSIM", "GAIN", "ms/IMAGE");
        for (EnhancementReport.Row x : r.types()) {
            table.row(x.type(), x.pairs(), f("%.2f", x.outputPsnr()), f("%+.2f", x.outputPsnr() - x.inputPsnr()),
                    f("%.4f", x.outputSsim()), f("%+.4f", x.outputSsim() - x.inputSsim()),
                    f("%.0f", x.millisPerImage()));
        }
        EnhancementReport.Row a = r.average();
        table.row("average", "", f("%.2f", a.outputPsnr()), f("%+.2f", a.outputPsnr() - a.inputPsnr()),
                f("%.4f", a.outputSsim()), f("%+.4f", a.outputSsim() - a.inputSsim()), "");
        table.print(session.out());
        return 0;
    }

    private static String f(String pattern, double v) {
        return String.format(Locale.ROOT, pattern, v);
    }
}
