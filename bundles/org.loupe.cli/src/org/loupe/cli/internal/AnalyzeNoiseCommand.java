package org.loupe.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.loupe.api.LoupeException;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.numerics.noise.NoiseAccumulator;
import org.loupe.numerics.noise.NoiseStats;
import org.loupe.pipeline.OutputPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loupe analyze noise}: the noise analysis of Shim, Kim et al. For each set of noisy/clean pairs (matched by
 * file name), the distribution of clean minus noisy over all pixels, the Gaussian fitted to it and the
 * Kolmogorov-Smirnov distance of the fit; a PNG plot shows the histograms with their fits.
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
        List<NoiseStats> sets = new ArrayList<>();
        List<NoiseStats> pairs = new ArrayList<>();
        for (int i = 0; i < noisy.size(); i++) {
            sets.add(analyse(noisy.get(i), clean.get(i), pairs));
        }
        try {
            HistogramPlot.write(sets, plot);
        } catch (java.io.IOException e) {
            throw LoupeException.badInput(plot.toString(), "cannot write the plot (" + e.getMessage() + ")", e);
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("difference", "clean - noisy");
            m.put("sets", sets.stream().map(AnalyzeNoiseCommand::asJson).toList());
            if (perImage) {
                m.put("pairs", pairs.stream().map(AnalyzeNoiseCommand::asJson).toList());
            }
            m.put("plot", plot.toString());
            session.out().println(Json.GSON.toJson(m));
            return 0;
        }
        Table t = new Table("SET", "PAIRS", "PIXELS", "MEAN", "SIGMA", "KS D");
        for (NoiseStats s : perImage ? concat(pairs, sets) : sets) {
            t.row(s.name(), s.pairs(), s.fit().count(), fmt(s.fit().mean()), fmt(s.fit().sigma()),
                    String.format(Locale.ROOT, "%.4f", s.fit().ksDistance()));
        }
        session.out().println("clean minus noisy, Gaussian fit by moments, Kolmogorov-Smirnov distance D");
        t.print(session.out());
        session.out().println("plot: " + plot);
        return 0;
    }

    private NoiseStats analyse(Path noisyDir, Path cleanDir, List<NoiseStats> pairs) throws LoupeException {
        List<Path> files = OutputPlan.expand(List.of(noisyDir));
        if (!Files.isDirectory(noisyDir) || files.isEmpty()) {
            throw LoupeException.badInput(noisyDir.toString(), Files.isDirectory(noisyDir)
                    ? "holds no images" : "is not a folder");
        }
        NoiseAccumulator set = null;
        for (Path n : files) {
            Path c = cleanDir.resolve(n.getFileName().toString());
            if (!Files.exists(c)) {
                throw LoupeException.badInput(c.toString(), "no clean counterpart for " + n);
            }
            PixelImage ni = ImageFiles.read(n, session.readOptions());
            PixelImage ci = ImageFiles.read(c, session.readOptions());
            if (set == null) {
                set = new NoiseAccumulator(noisyDir.toString(), NoiseAccumulator.binWidthFor(ni));
            }
            try {
                set.add(ni, ci);
                if (perImage) {
                    NoiseAccumulator one = new NoiseAccumulator(n.getFileName().toString(),
                            NoiseAccumulator.binWidthFor(ni));
                    one.add(ni, ci);
                    pairs.add(one.result());
                }
            } catch (IllegalArgumentException e) {
                throw LoupeException.badInput(n.toString(), e.getMessage() + " (against " + c + ")", e);
            }
        }
        return set.result();
    }

    private static Map<String, Object> asJson(NoiseStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("pairs", s.pairs());
        m.put("pixels", s.fit().count());
        m.put("mean", s.fit().mean());
        m.put("sigma", s.fit().sigma());
        m.put("ks", s.fit().ksDistance());
        return m;
    }

    private static List<NoiseStats> concat(List<NoiseStats> a, List<NoiseStats> b) {
        List<NoiseStats> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 1 ? "%.3f" : "%.6f", v);
    }
}
