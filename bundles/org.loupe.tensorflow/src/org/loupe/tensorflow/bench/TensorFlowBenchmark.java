package org.loupe.tensorflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.PixelType;
import org.loupe.tensorflow.ImageTensors;
import org.loupe.tensorflow.ModelHandle;
import org.loupe.tensorflow.ModelSidecar;
import org.loupe.tensorflow.Sessions;
import org.loupe.tensorflow.TensorFlowRuntime;
import org.loupe.tensorflow.train.Init;
import org.loupe.tensorflow.train.ModelDefinition;
import org.loupe.tensorflow.train.ModelExport;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.types.TFloat32;

/**
 * Times the TensorFlow runtime on this machine: a reference network through {@link ModelHandle} against a bare
 * TensorFlow Java session on the same SavedModel in the same process (Loupe's overhead), tiled against untiled
 * inference on a large 16-bit frame (time and peak memory), and training steps. Runs alternate between the variants
 * being compared, and each figure is the median of several runs after a warm-up run.
 */
public final class TensorFlowBenchmark {

    /** The reference network: six 3x3 convolutions of 32 channels with ReLU, residual over the input. */
    static final ModelDefinition REFERENCE = (net, x, training) -> {
        Operand<TFloat32> h = net.relu(net.conv("conv1", x, 1, 32, 3, 1, true, Init.he()));
        for (int i = 2; i <= 5; i++) {
            h = net.relu(net.conv("conv" + i, h, 32, 32, 3, 1, true, Init.he()));
        }
        return net.tf().math.add(x, net.conv("conv6", h, 32, 1, 3, 1, true, Init.he()));
    };

    /**
     * One measured figure.
     *
     * @param name         what was timed
     * @param millis       median wall time of one run
     * @param megapixels   image size of one run (0 for training steps)
     * @param peakRssBytes the process's peak resident memory after these runs (0 where not measured)
     */
    public record Timing(String name, double millis, double megapixels, long peakRssBytes) {
    }

    /**
     * The benchmark's figures.
     *
     * @param timings         every measured figure, in the order run
     * @param overheadPercent ModelHandle's time over the bare session's, minus one, in percent
     * @param tiledOverWhole  tiled inference time over whole-frame inference time
     */
    public record Report(List<Timing> timings, double overheadPercent, double tiledOverWhole) {
    }

    private TensorFlowBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param side  side of the square image for the overhead comparison
     * @param runs  timed runs per variant
     * @param work  a scratch folder for the reference model
     */
    public static Report run(int side, int runs, Path work) throws LoupeException {
        TensorFlowRuntime.version();
        Path model = exportReference(work.resolve("reference-model"));
        List<Timing> out = new ArrayList<>();
        // tiling first: the peak memory of the process only grows, so the tiled run must come before larger ones
        tiling(model, runs, out);
        overhead(model, side, runs, out);
        training(runs, out);
        return new Report(out, 100 * (out.get(3).millis() / out.get(2).millis() - 1),
                out.get(0).millis() / out.get(1).millis());
    }

    private static Path exportReference(Path dir) throws LoupeException {
        ModelExport.write(dir, REFERENCE, REFERENCE.initialWeights(1, 1), new ModelSidecar("bench.reference", "1",
                "Six 3x3 convolutions of 32 channels (37,601 weights), residual.", "image", "output", 1, 1, 512, 32,
                null, null));
        return dir;
    }

    private static PixelImage image(ImageType type, int w, int h) {
        PixelImage img = PixelImage.create(type, w, h);
        SplittableRandom r = new SplittableRandom(7);
        double max = ModelHandle.fullScale(type.pixelType());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setFloat(x, y, 0, (float) (max * (0.5 + 0.3 * Math.sin(x / 17.0) * Math.cos(y / 23.0)
                        + 0.05 * r.nextGaussian())));
            }
        }
        return img;
    }

    private static void overhead(Path model, int side, int runs, List<Timing> out) throws LoupeException {
        PixelImage img = image(ImageType.GRAY_F32, side, side);
        double mp = side * (double) side / 1e6;
        try (ModelHandle handle = ModelHandle.load(model);
                SavedModelBundle bare = Sessions.load(model);
                TFloat32 input = ImageTensors.toTensor(img, 1)) {
            Signature sig = bare.signatures().stream().filter(x -> x.key().equals(Signature.DEFAULT_KEY))
                    .findFirst().orElseThrow();
            String in = sig.getInputs().get("image").name;
            String outName = sig.getOutputs().get("output").name;
            long[] bareNs = new long[runs + 1];
            long[] handleNs = new long[runs + 1];
            for (int i = 0; i <= runs; i++) {
                long t0 = System.nanoTime();
                try (Result r = bare.session().runner().feed(in, input).fetch(outName).run()) {
                    ImageTensors.values((TFloat32) r.get(0));
                }
                bareNs[i] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                handle.apply(img, PixelType.FLOAT32);
                handleNs[i] = System.nanoTime() - t0;
            }
            out.add(new Timing("inference " + side + "x" + side + ", bare TensorFlow session", median(bareNs), mp, 0));
            out.add(new Timing("inference " + side + "x" + side + ", ModelHandle (image in, image out)",
                    median(handleNs), mp, 0));
        }
    }

    private static void tiling(Path model, int runs, List<Timing> out) throws LoupeException {
        PixelImage frame = image(ImageType.GRAY_U16, 1936, 1536);
        double mp = frame.pixelCount() / 1e6;
        int n = Math.max(1, runs / 2);
        try (ModelHandle handle = ModelHandle.load(model)) {
            long[] tiled = new long[n + 1];
            for (int i = 0; i <= n; i++) {
                long t0 = System.nanoTime();
                handle.applyTiled(frame, PixelType.UINT16, ProcessingContext.none());
                tiled[i] = System.nanoTime() - t0;
            }
            out.add(new Timing("1936x1536 16-bit frame, tiled 512 px with 32 px overlap", median(tiled), mp,
                    peakRss()));
            long[] whole = new long[n + 1];
            for (int i = 0; i <= n; i++) {
                long t0 = System.nanoTime();
                handle.apply(frame, PixelType.UINT16);
                whole[i] = System.nanoTime() - t0;
            }
            out.add(new Timing("1936x1536 16-bit frame, whole", median(whole), mp, peakRss()));
        }
    }

    private static void training(int runs, List<Timing> out) {
        for (boolean frequencyLosses : new boolean[] {false, true}) {
            try (TrainingStep step = new TrainingStep(REFERENCE, 16, 64, frequencyLosses)) {
                long[] ns = new long[Math.max(runs, 10) + 3];
                for (int i = 0; i < ns.length; i++) {
                    ns[i] = step.time(i);
                }
                out.add(new Timing("training step, batch 16 of 64x64, " + (frequencyLosses
                        ? "L1 + focal frequency + wavelet loss" : "L1 loss"), median(Arrays.copyOfRange(ns, 2,
                        ns.length)), 0, 0));
            }
        }
    }

    /** Median in milliseconds, leaving out the first (warm-up) run. */
    private static double median(long[] ns) {
        long[] timed = Arrays.copyOfRange(ns, 1, ns.length);
        Arrays.sort(timed);
        return timed[timed.length / 2] / 1e6;
    }

    /** The process's peak resident memory (VmHWM) on Linux; 0 elsewhere. */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
