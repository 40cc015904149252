package org.loupe.enhance.srq.internal;

import java.util.List;
import java.util.Map;

/**
 * The network in double precision: the float model when {@code quantization} is null, otherwise the quantized model
 * by definition (weights on their 10-bit grids; every layer's output rounded half up onto its 14-bit grid and
 * saturated, then the skip connection added and saturated again, then the ReLU). Double arithmetic is exact for
 * these sums, so this is the reference the integer engine must match bit for bit; with a quantization of only the
 * first layers it also serves the per-layer format search.
 */
final class ReferenceNetwork implements ResidualEngine {

    private final double[][] kernels;
    private final Quantization quantization;
    private final int quantizedLayers;

    /**
     * @param weights         float kernels by variable name (see {@link Architecture#kernelName})
     * @param quantization    formats, or null for the float model
     * @param quantizedLayers how many leading layers use their formats (the rest run in float)
     */
    ReferenceNetwork(Map<String, float[]> weights, Quantization quantization, int quantizedLayers) {
        List<Architecture.Layer> layers = Architecture.LAYERS;
        this.kernels = new double[layers.size()][];
        this.quantization = quantization;
        this.quantizedLayers = quantization == null ? 0 : quantizedLayers;
        for (int i = 0; i < layers.size(); i++) {
            float[] w = SrqModel.kernel(weights, layers.get(i));
            kernels[i] = new double[w.length];
            for (int j = 0; j < w.length; j++) {
                kernels[i][j] = i < this.quantizedLayers
                        ? Quantization.fake(w[j], quantization.weightFrac()[i], Quantization.WEIGHT_BITS) : w[j];
            }
        }
    }

    /** The float model. */
    static ReferenceNetwork floating(Map<String, float[]> weights) {
        return new ReferenceNetwork(weights, null, 0);
    }

    @Override
    public double[] run(float[] luma, int width, int height) {
        return run(luma, width, height, null);
    }

    /**
     * Runs the network; if {@code maxima} is given, its entry {@code i} is raised to the largest magnitude of layer
     * {@code i}'s output (for choosing activation formats).
     */
    double[] run(float[] luma, int width, int height, double[] maxima) {
        List<Architecture.Layer> layers = Architecture.LAYERS;
        int n = width * height;
        double[] a = new double[n];
        boolean quantizeInput = quantizedLayers > 0;
        for (int p = 0; p < n; p++) {
            a[p] = quantizeInput ? Quantization.fake(luma[p], quantization.inputFrac(), Quantization.ACTIVATION_BITS)
                    : luma[p];
        }
        double[][] outputs = new double[layers.size()][];
        for (int i = 0; i < layers.size(); i++) {
            Architecture.Layer l = layers.get(i);
            double[] z = new double[n * l.out()];
            convolve(l, kernels[i], a, z, width, height);
            boolean q = i < quantizedLayers;
            int frac = q ? quantization.outputFrac()[i] : 0;
            double[] skip = l.skipFrom() >= 0 ? outputs[l.skipFrom()] : null;
            for (int j = 0; j < z.length; j++) {
                double v = q ? Quantization.fake(z[j], frac, Quantization.ACTIVATION_BITS) : z[j];
                if (skip != null) {
                    v = q ? Quantization.fake(v + Quantization.fake(skip[j], frac, Quantization.ACTIVATION_BITS),
                            frac, Quantization.ACTIVATION_BITS) : v + skip[j];
                }
                z[j] = l.relu() ? Math.max(0, v) : v;
                if (maxima != null) {
                    maxima[i] = Math.max(maxima[i], Math.abs(z[j]));
                }
            }
            outputs[i] = z;
            a = z;
        }
        return a;
    }

    /** Adds the layer's convolution of {@code in} (interleaved channels) into {@code out}, zero padding outside. */
    private static void convolve(Architecture.Layer l, double[] w, double[] in, double[] out, int width,
            int height) {
        int r = l.k() / 2;
        int ci = l.in();
        int co = l.out();
        boolean depthwise = l.kind() == Architecture.Kind.DEPTHWISE;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int o = (y * width + x) * co;
                for (int ky = 0; ky < l.k(); ky++) {
                    int yy = y + ky - r;
                    if (yy < 0 || yy >= height) {
                        continue;
                    }
                    for (int kx = 0; kx < l.k(); kx++) {
                        int xx = x + kx - r;
                        if (xx < 0 || xx >= width) {
                            continue;
                        }
                        int src = (yy * width + xx) * ci;
                        int tap = (ky * l.k() + kx) * ci;
                        if (depthwise) {
                            for (int c = 0; c < ci; c++) {
                                out[o + c] += w[tap + c] * in[src + c];
                            }
                        } else {
                            for (int c = 0; c < ci; c++) {
                                double v = in[src + c];
                                int base = (tap + c) * co;
                                for (int d = 0; d < co; d++) {
                                    out[o + d] += w[base + d] * v;
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
