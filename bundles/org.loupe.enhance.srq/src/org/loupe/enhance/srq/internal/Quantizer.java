package org.loupe.enhance.srq.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.loupe.image.GrayF32;
import org.loupe.image.Region;

/**
 * Chooses the fixed-point formats layer by layer, as Kim and Lee do: for each layer in order, with the layers before
 * it already quantized and the ones after it still in float, it tries the weight formats that keep the largest weight
 * representable (and one or two more fraction bits, which clip the largest weights but refine the rest) and the
 * activation formats around the largest activation seen on calibration images, and keeps the pair with the best
 * PSNR. The input format is fixed: luma in [0, 1] needs one integer bit besides the sign, and 12 fraction bits are
 * finer than any 8-bit input.
 */
final class Quantizer {

    /** Fraction bits of the input. */
    static final int INPUT_FRAC = 12;
    /** Side of the centre crops (low resolution) used for calibration. */
    static final int CROP = 96;

    /** Calibration data: low-resolution crops and their true residuals in the engines' phase layout. */
    private record Crop(float[] luma, int width, int height, double[] residual) {
    }

    /** The chosen formats and what they cost. */
    record Result(Quantization quantization, double floatPsnr, double[] psnrAfterLayer) {
    }

    private final List<Crop> crops = new ArrayList<>();

    /** Calibrates on centre crops of these samples. */
    Quantizer(List<TrainingSet.Sample> samples) {
        int s = Architecture.SCALE;
        for (TrainingSet.Sample sample : samples) {
            GrayF32 lr = sample.lowResolution();
            int w = Math.min(CROP, lr.width());
            int h = Math.min(CROP, lr.height());
            int x0 = (lr.width() - w) / 2;
            int y0 = (lr.height() - h) / 2;
            float[] luma = lr.view(new Region(x0, y0, w, h)).copy().data();
            double[] residual = new double[w * h * s * s];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int i = 0; i < s; i++) {
                        for (int j = 0; j < s; j++) {
                            residual[((y * w + x) * s + i) * s + j] = sample.residual().get((x0 + x) * s + j,
                                    (y0 + y) * s + i);
                        }
                    }
                }
            }
            crops.add(new Crop(luma, w, h, residual));
        }
    }

    /** Searches the formats for these float kernels. */
    Result search(Map<String, float[]> kernels) {
        List<Architecture.Layer> layers = Architecture.LAYERS;
        double[] maxima = new double[layers.size()];
        ReferenceNetwork floating = ReferenceNetwork.floating(kernels);
        crops.forEach(c -> floating.run(c.luma(), c.width(), c.height(), maxima));
        double floatPsnr = psnr(floating);
        int[] wf = new int[layers.size()];
        int[] of = new int[layers.size()];
        Arrays.fill(wf, Quantization.WEIGHT_BITS - 1);
        Arrays.fill(of, Quantization.ACTIVATION_BITS - 2);
        Quantization q = new Quantization(INPUT_FRAC, wf, of);
        double[] after = new double[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            float[] w = SrqModel.kernel(kernels, layers.get(i));
            double wmax = 0;
            for (float v : w) {
                wmax = Math.max(wmax, Math.abs(v));
            }
            int w0 = fraction(wmax, Quantization.WEIGHT_BITS);
            int a0 = fraction(maxima[i], Quantization.ACTIVATION_BITS);
            double best = Double.NEGATIVE_INFINITY;
            Quantization chosen = q;
            for (int fw = w0; fw <= w0 + 2; fw++) {
                for (int fa = a0 - 1; fa <= a0 + 2; fa++) {
                    Quantization candidate = q.with(i, fw, fa);
                    double p = psnr(new ReferenceNetwork(kernels, candidate, i + 1));
                    if (p > best) {
                        best = p;
                        chosen = candidate;
                    }
                }
            }
            q = chosen;
            after[i] = best;
        }
        return new Result(q, floatPsnr, after);
    }

    /** PSNR (peak 1) of bicubic + residual against the HR luma over all crops, i.e. of the residuals. */
    double psnr(ResidualEngine engine) {
        double se = crops.parallelStream().mapToDouble(c -> {
            double[] r = engine.run(c.luma(), c.width(), c.height());
            double sum = 0;
            for (int j = 0; j < r.length; j++) {
                double d = r[j] - c.residual()[j];
                sum += d * d;
            }
            return sum;
        }).sum();
        long n = crops.stream().mapToLong(c -> c.residual().length).sum();
        return 10 * Math.log10(n / se);
    }

    /** Most fraction bits with which {@code max} still fits in {@code bits} signed bits. */
    private static int fraction(double max, int bits) {
        if (max <= 0) {
            return bits - 1;
        }
        int f = (int) Math.floor(Math.log((1 << (bits - 1)) - 0.5) / Math.log(2) - Math.log(max) / Math.log(2));
        return Math.max(-8, Math.min(30, f));
    }
}
