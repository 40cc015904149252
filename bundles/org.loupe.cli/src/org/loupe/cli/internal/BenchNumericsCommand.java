package org.loupe.cli.internal;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.GrayU16;
import org.loupe.image.GrayU8;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ImageFormat;
import org.loupe.metrics.image.ImageComparison;
import org.loupe.metrics.image.Ssim;
import org.loupe.numerics.fft.Fft2D;
import org.loupe.numerics.filter.GaussianFilter;
import org.loupe.numerics.filter.MedianFilter;
import org.loupe.numerics.resample.Interpolation;
import org.loupe.numerics.resample.Resize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loupe bench numerics}: times Loupe's filters, resampling, SSIM and FFT on 8-bit and 16-bit images, then the
 * same operations in OpenCV and scikit-image (Debian's Python packages) on the same images in the same run, and
 * prints the ratios. Each figure is the median of several runs after a warm-up. A ratio below 1 means Loupe is faster.
 */
@Command(name = "numerics", mixinStandardHelpOptions = true,
        description = "Time median, Gaussian, bicubic, SSIM and FFT against OpenCV and scikit-image.")
final class BenchNumericsCommand implements Callable<Integer> {

    private static final ProcessingContext NONE = ProcessingContext.none();
    // the vector paths reach their compiled form only after C2 has seen them run for a while
    private static final long WARMUP_NS = TimeUnit.MILLISECONDS.toNanos(2000);

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

    /** One timed operation. */
    @FunctionalInterface
    private interface Op {
        void run() throws LoupeException;
    }

    @Override
    public Integer call() throws LoupeException {
        if (size < 64 || size > 8192 || runs < 1) {
            throw LoupeException.usage("--size must be 64..8192 and --runs at least 1");
        }
        PixelImage a8 = scene(false, 1);
        PixelImage b8 = scene(false, 2);
        PixelImage a16 = scene(true, 1);
        PixelImage b16 = scene(true, 2);
        Map<String, Double> loupe = new LinkedHashMap<>();
        for (Object[] t : new Object[][] {{"8-bit", a8, b8}, {"16-bit", a16, b16}}) {
            PixelImage img = (PixelImage) t[1];
            PixelImage other = (PixelImage) t[2];
            Map<String, Op> ops = new LinkedHashMap<>();
            ops.put("median 3x3", () -> MedianFilter.apply(img, 3, NONE));
            ops.put("median 5x5", () -> MedianFilter.apply(img, 5, NONE));
            ops.put("gaussian sigma 2", () -> GaussianFilter.apply(img, 2, NONE));
            ops.put("bicubic x2", () -> Resize.byScale(img, 2, Interpolation.BICUBIC, NONE));
            ops.put("bicubic /2", () -> Resize.byScale(img, 0.5, Interpolation.BICUBIC, false, NONE));
            ops.put("bicubic /2 antialiased", () -> Resize.byScale(img, 0.5, Interpolation.BICUBIC, NONE));
            ops.put("ssim", () -> Ssim.of(img, other, new ImageComparison(ImageComparison.Channels.ALL, 0, 0)));
            ops.put("fft2", () -> Fft2D.forward(img));
            for (Map.Entry<String, Op> e : ops.entrySet()) {
                loupe.put(e.getKey() + "|" + t[0], time(e.getValue()));
            }
        }
        JsonObject reference = noReference ? null : reference(a8, b8, a16, b16);
        report(loupe, reference);
        return 0;
    }

    private double time(Op op) throws LoupeException {
        long start = System.nanoTime();
        int warm = 0;
        while (warm < 3 || (System.nanoTime() - start < WARMUP_NS && warm < 2000)) {
            op.run();
            warm++;
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            op.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    /** A deterministic test scene: gradient, fine structure and noise, like a detector frame. */
    private PixelImage scene(boolean sixteen, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double max = sixteen ? 65535 : 255;
        PixelImage img = sixteen ? GrayU16.create(size, size) : GrayU8.create(size, size);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double v = 0.3 + 0.3 * x / size + 0.15 * Math.sin(x / 7.0) * Math.cos(y / 11.0)
                        + ((x / 64 + y / 64) % 2 == 0 ? 0.1 : 0) + 0.04 * rnd.nextGaussian();
                img.setFloat(x, y, 0, (float) (Math.max(0, Math.min(1, v)) * max));
            }
        }
        return img;
    }

    private JsonObject reference(PixelImage a8, PixelImage b8, PixelImage a16, PixelImage b16) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("loupe-bench");
            ImageFiles.write(a8, dir.resolve("bench8.png"), ImageFormat.PNG);
            ImageFiles.write(b8, dir.resolve("bench8_b.png"), ImageFormat.PNG);
            ImageFiles.write(a16, dir.resolve("bench16.png"), ImageFormat.PNG);
            ImageFiles.write(b16, dir.resolve("bench16_b.png"), ImageFormat.PNG);
            Path script = dir.resolve("numerics_reference.py");
            try (InputStream in = BenchNumericsCommand.class.getResourceAsStream("/bench/numerics_reference.py")) {
                Files.copy(in, script);
            }
            Process p = new ProcessBuilder(python, script.toString(), "--dir", dir.toString(), "--runs",
                    Integer.toString(runs)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0 || out.isBlank()) {
                session.complain("note: the reference run failed (needs " + python + " with python3-opencv and "
                        + "python3-skimage); showing Loupe's figures only");
                return null;
            }
            return JsonParser.parseString(out).getAsJsonObject();
        } catch (IOException | LoupeException | RuntimeException e) {
            session.complain("note: the reference run failed (" + e.getMessage() + "); showing Loupe's figures only");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            deleteQuietly(dir);
        }
    }

    private void report(Map<String, Double> loupe, JsonObject reference) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, Double> e : loupe.entrySet()) {
            String[] key = e.getKey().split("\\|");
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("operation", key[0]);
            r.put("type", key[1]);
            r.put("loupeMs", e.getValue());
            if (reference != null) {
                double cv = reference.getAsJsonObject("opencv").get(e.getKey()).getAsDouble();
                double sk = reference.getAsJsonObject("skimage").get(e.getKey()).getAsDouble();
                r.put("opencvMs", cv);
                r.put("skimageMs", sk);
                r.put("loupeOverOpencv", e.getValue() / cv);
                r.put("loupeOverSkimage", e.getValue() / sk);
            }
            rows.add(r);
        }
        String setting = size + "x" + size + " images, median of " + runs + " runs after warm-up, "
                + Runtime.getRuntime().availableProcessors() + " processors";
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("setting", setting);
            m.put("java", Runtime.version().toString());
            m.put("referenceVersions", reference == null ? Map.of() : Json.GSON.fromJson(
                    reference.getAsJsonObject("versions"), Map.class));
            m.put("results", rows);
            session.out().println(Json.GSON.toJson(m));
            return;
        }
        session.out().println("Loupe numerics, " + setting);
        Table t = reference == null ? new Table("OPERATION", "TYPE", "LOUPE ms")
                : new Table("OPERATION", "TYPE", "LOUPE ms", "OPENCV ms", "SKIMAGE ms", "LOUPE/OPENCV", "LOUPE/SKIMAGE");
        for (Map<String, Object> r : rows) {
            if (reference == null) {
                t.row(r.get("operation"), r.get("type"), f(r.get("loupeMs")));
            } else {
                t.row(r.get("operation"), r.get("type"), f(r.get("loupeMs")), f(r.get("opencvMs")),
                        f(r.get("skimageMs")), String.format(Locale.ROOT, "%.2f", r.get("loupeOverOpencv")),
                        String.format(Locale.ROOT, "%.2f", r.get("loupeOverSkimage")));
            }
        }
        t.print(session.out());
        if (reference != null) {
            session.out().println("OpenCV " + reference.getAsJsonObject("versions").get("opencv").getAsString()
                    + " (" + reference.getAsJsonObject("versions").get("opencv_threads").getAsString()
                    + " threads), scikit-image " + reference.getAsJsonObject("versions").get("skimage").getAsString()
                    + "; 'bicubic /2 antialiased' is MATLAB's imresize default, against a Gaussian prefilter "
                    + "(sigma 0.5) and INTER_CUBIC in OpenCV and scikit-image's anti_aliasing; OpenCV SSIM as in its "
                    + "documentation; the scikit-image column's FFT is numpy.fft.fft2.");
        }
    }

    private static String f(Object ms) {
        return String.format(Locale.ROOT, "%.2f", (Double) ms);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted((x, y) -> y.compareTo(x)).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
