package org.loupe.cli.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.loupe.api.LoupeException;
import org.loupe.numerics.noise.NoiseStats;
import org.loupe.pipeline.evaluation.NoiseReport;
import org.loupe.report.Charts;
import org.loupe.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loupe analyze noise}: prints the {@link NoiseReport} of each set of noisy/clean pairs and plots the
 * histograms with their Gaussian fits.
 */
@Command(name = "noise", mixinStandardHelpOptions = true,
        description = "Histogram of clean minus noisy pixel values per image set, with a Gaussian fit and its "
                + "Kolmogorov-Smirnov distance. Repeat --noisy/--clean for several sets.")
final class AnalyzeNoiseCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--noisy", required = true, paramLabel = "DIR", description = "Noisy (low-dose) images.")
    private List<Path> noisy;

    @Option(names = "--clean", required = true, paramLabel = "DIR",
            description = "Clean (high-dose) images with the same file names.")
    private List<Path> clean;

    @Option(names = "--plot", paramLabel = "FILE", defaultValue = "noise-histograms.png",
            description = "Where to write the histogram plot (default: ${DEFAULT-VALUE}).")
    private Path plot;

    @Option(names = "--per-image", description = "Also report every pair.")
    private boolean perImage;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    private boolean json;

    AnalyzeNoiseCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        if (noisy.size() != clean.size()) {
            throw LoupeException.usage("give one --clean folder for every --noisy folder (" + noisy.size()
                    + " noisy, " + clean.size() + " clean)");
        }
        NoiseReport report = NoiseReport.analyse(noisy, clean, perImage, session.readOptions());
        try {
            Charts.noise(report.sets()).writePng(plot, 960, 540);
        } catch (IOException e) {
            throw LoupeException.badInput(plot.toString(), "cannot write the plot (" + e.getMessage() + ")", e);
        }
        if (json) {
            Map<String, Object> m = report.asMap();
            m.put("plot", plot.toString());
            session.out().println(Json.GSON.toJson(m));
            return 0;
        }
        TextTable t = new TextTable("SET", "PAIRS", "PIXELS", "MEAN", "SIGMA", "KS D");
        List<NoiseStats> rows = new ArrayList<>(report.pairs());
        rows.addAll(report.sets());
        for (NoiseStats s : rows) {
            t.row(s.name(), s.pairs(), s.fit().count(), fmt(s.fit().mean()), fmt(s.fit().sigma()),
                    String.format(Locale.ROOT, "%.4f", s.fit().ksDistance()));
        }
        session.out().println("clean minus noisy, Gaussian fit by moments, Kolmogorov-Smirnov distance D");
        t.print(session.out());
        session.out().println("plot: " + plot);
        return 0;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 1 ? "%.3f" : "%.6f", v);
    }
}
