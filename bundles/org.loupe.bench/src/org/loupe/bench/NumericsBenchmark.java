package org.loupe.bench;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.bench.internal.ReferenceScript;
import org.loupe.bench.internal.Timing;
import org.loupe.image.GrayU16;
import org.loupe.image.GrayU8;
import org.loupe.image.PixelImage;
import org.loupe.image.io.AtomicFiles;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ImageFormat;
import org.loupe.metrics.image.ImageComparison;
import org.loupe.metrics.image.Ssim;
import org.loupe.numerics.fft.Fft2D;
import org.loupe.numerics.filter.GaussianFilter;
import org.loupe.numerics.filter.MedianFilter;
import org.loupe.numerics.resample.Interpolation;
import org.loupe.numerics.resample.Resize;

/**
 * Loupe's filters, resampling, SSIM and FFT on 8-bit and 16-bit images, timed against the same operations in OpenCV
 * and scikit-image (Debian's Python packages) on the same images in the same run. Each figure is the median of
 * several runs after a warm-up; a ratio below 1 means Loupe is faster.
 */
public final class NumericsBenchmark {

    /**
     * One operation on one image type; the reference figures are null without a reference run.
     */
    public record Row(String operation, String type, double loupeMs, Double opencvMs, Double skimageMs) {
    }

    /**
     * The benchmark's figures.
     *
     * @param setting  image size, runs and processors, in words
     * @param rows     one row per operation and type
     * @param versions the reference libraries' versions and OpenCV's thread count (empty without them)
     */
    public record Report(String setting, List<Row> rows, Map<String, String> versions) {
    }

    private static final ProcessingContext NONE = ProcessingContext.none();

    private NumericsBenchmark() {
    }

    /**
     * Times every operation.
     *
     * @param python the Python to run the reference with, or null for Loupe's figures alone
     * @param notes  hears why the reference could not run, if it could not
     */
    public static Report run(int size, int runs, String python, Consumer<String> notes) throws LoupeException {
        PixelImage[][] images = {{scene(size, false, 1), scene(size, false, 2)},
            {scene(size, true, 1), scene(size, true, 2)}};
        String[] types = {"8-bit", "16-bit"};
        Map<String, Double> loupe = new LinkedHashMap<>();
        for (int t = 0; t < 2; t++) {
            PixelImage img = images[t][0];
            PixelImage other = images[t][1];
            Map<String, Timing.Op> ops = new LinkedHashMap<>();
            ops.put("median 3x3", () -> MedianFilter.apply(img, 3, NONE));
            ops.put("median 5x5", () -> MedianFilter.apply(img, 5, NONE));
            ops.put("gaussian sigma 2", () -> GaussianFilter.apply(img, 2, NONE));
            ops.put("bicubic x2", () -> Resize.byScale(img, 2, Interpolation.BICUBIC, NONE));
            ops.put("bicubic /2", () -> Resize.byScale(img, 0.5, Interpolation.BICUBIC, false, NONE));
            ops.put("bicubic /2 antialiased", () -> Resize.byScale(img, 0.5, Interpolation.BICUBIC, NONE));
            ops.put("ssim", () -> Ssim.of(img, other, new ImageComparison(ImageComparison.Channels.ALL, 0, 0)));
            ops.put("fft2", () -> Fft2D.forward(img));
            for (Map.Entry<String, Timing.Op> e : ops.entrySet()) {
                loupe.put(e.getKey() + "|" + types[t], Timing.medianMillis(e.getValue(), runs));
            }
        }
        JsonObject reference = python == null ? null : reference(python, images, runs, notes);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Double> e : loupe.entrySet()) {
            String[] key = e.getKey().split("\\|");
            rows.add(new Row(key[0], key[1], e.getValue(), reference == null ? null : reference
                    .getAsJsonObject("opencv").get(e.getKey()).getAsDouble(), reference == null ? null : reference
                    .getAsJsonObject("skimage").get(e.getKey()).getAsDouble()));
        }
        Map<String, String> versions = new LinkedHashMap<>();
        if (reference != null) {
            reference.getAsJsonObject("versions").entrySet().forEach(v -> versions.put(v.getKey(),
                    v.getValue().getAsString()));
        }
        return new Report(size + "x" + size + " images, median of " + runs + " runs after warm-up, "
                + Runtime.getRuntime().availableProcessors() + " processors", rows, versions);
    }

    /** A deterministic test scene: gradient, fine structure and noise, like a detector frame. */
    private static PixelImage scene(int size, boolean sixteen, long seed) {
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

    private static JsonObject reference(String python, PixelImage[][] images, int runs, Consumer<String> notes) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("loupe-bench");
            ImageFiles.write(images[0][0], dir.resolve("bench8.png"), ImageFormat.PNG);
            ImageFiles.write(images[0][1], dir.resolve("bench8_b.png"), ImageFormat.PNG);
            ImageFiles.write(images[1][0], dir.resolve("bench16.png"), ImageFormat.PNG);
            ImageFiles.write(images[1][1], dir.resolve("bench16_b.png"), ImageFormat.PNG);
            return ReferenceScript.run(python, "numerics_reference.py", dir, List.of("--dir", dir.toString(),
                    "--runs", Integer.toString(runs)));
        } catch (IOException | LoupeException | RuntimeException e) {
            notes.accept("the reference run failed (" + e.getMessage() + "); showing Loupe's figures only");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (dir != null) {
                AtomicFiles.deleteScratch(dir);
            }
        }
    }
}
