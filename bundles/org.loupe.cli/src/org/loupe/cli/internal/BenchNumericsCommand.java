package org.loupe.cli.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.loupe.api.LoupeException;
import org.loupe.bench.NumericsBenchmark;
import org.loupe.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loupe bench numerics}: prints the {@link NumericsBenchmark}: Loupe's filters, resampling, SSIM and FFT
 * against OpenCV and scikit-image on the same images in the same run, as ratios (below 1: Loupe is faster).
 */
@Command(name = "numerics", mixinStandardHelpOptions = true,
        description = "Time median, Gaussian, bicubic, SSIM and FFT against OpenCV and scikit-image.")
final class BenchNumericsCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--size", paramLabel = "N", defaultValue = "1024", description = "Image side (default 1024).")
    private int size;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "7", description = "Timed runs per operation.")
    private int runs;

    @Option(names = "--no-reference", description = "Skip OpenCV and scikit-image.")
    private boolean noReference;

    @Option(names = "--python", paramLabel = "PATH", defaultValue = "/usr/bin/python3",
            description = "Python with python3-opencv and python3-skimage (default: ${DEFAULT-VALUE}).")
    private String python;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    BenchNumericsCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        if (size < 64 || size > 8192 || runs < 1) {
            throw LoupeException.usage("--size must be 64..8192 and --runs at least 1");
        }
        NumericsBenchmark.Report r = NumericsBenchmark.run(size, runs, noReference ? null : python,
                n -> session.complain("note: " + n));
        boolean reference = !r.versions().isEmpty();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("setting", r.setting());
            m.put("java", Runtime.version().toString());
            m.put("referenceVersions", r.versions());
            m.put("results", r.rows().stream().map(BenchNumericsCommand::asMap).toList());
            session.out().println(Json.GSON.toJson(m));
            return 0;
        }
        session.out().println("Loupe numerics, " + r.setting());
        TextTable t = !reference ? new TextTable("OPERATION", "TYPE", "LOUPE ms")
                : new TextTable("OPERATION", "TYPE", "LOUPE ms", "OPENCV ms", "SKIMAGE ms", "LOUPE/OPENCV", "LOUPE/SKIMAGE");
        for (NumericsBenchmark.Row row : r.rows()) {
            if (!reference) {
                t.row(row.operation(), row.type(), f(row.loupeMs()));
            } else {
                t.row(row.operation(), row.type(), f(row.loupeMs()), f(row.opencvMs()), f(row.skimageMs()),
                        f(row.loupeMs() / row.opencvMs()), f(row.loupeMs() / row.skimageMs()));
            }
        }
        t.print(session.out());
        if (reference) {
            session.out().println("OpenCV " + r.versions().get("opencv") + " (" + r.versions().get("opencv_threads")
                    + " threads), scikit-image " + r.versions().get("skimage") + "; 'bicubic /2 antialiased' is "
                    + "MATLAB's imresize default, against a Gaussian prefilter (sigma 0.5) and INTER_CUBIC in OpenCV "
                    + "and scikit-image's anti_aliasing; OpenCV SSIM as in its documentation; the scikit-image "
                    + "column's FFT is numpy.fft.fft2.");
        }
        return 0;
    }

    private static Map<String, Object> asMap(NumericsBenchmark.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operation", r.operation());
        m.put("type", r.type());
        m.put("loupeMs", r.loupeMs());
        if (r.opencvMs() != null) {
            m.put("opencvMs", r.opencvMs());
            m.put("skimageMs", r.skimageMs());
            m.put("loupeOverOpencv", r.loupeMs() / r.opencvMs());
            m.put("loupeOverSkimage", r.loupeMs() / r.skimageMs());
        }
        return m;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
