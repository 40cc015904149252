package org.loupe.enhance.srq.internal;

import java.util.List;

/**
 * The quantized network in integer arithmetic only, the form a line-buffered FPGA datapath computes: 10-bit weight
 * codes times 14-bit activation codes summed in 32-bit accumulators (the widest sum, 32 products of at most 2^22,
 * needs 28 bits), shifted to the output format with round-half-up, saturated to 14 bits, skip connection aligned and
 * added, saturated, ReLU. Bit-accurate to {@link ReferenceNetwork} with the same {@link Quantization}.
 */
final class FixedPointNetwork implements ResidualEngine {

    private static final int AMAX = (1 << (Quantization.ACTIVATION_BITS - 1)) - 1;
    private static final int AMIN = -AMAX - 1;

    private final int[][] codes;
    private final Quantization q;

    /**
     * @param codes integer kernels per layer, in {@link Architecture.Layer}'s layout
     */
    FixedPointNetwork(int[][] codes, Quantization q) {
        if (codes.length != Architecture.LAYERS.size()) {
            throw new IllegalArgumentException("need the kernels of " + Architecture.LAYERS.size() + " layers");
        }
        for (int i = 0; i < codes.length; i++) {
            if (codes[i].length != Architecture.LAYERS.get(i).weights()) {
                throw new IllegalArgumentException("layer " + Architecture.LAYERS.get(i).name() + " needs "
                        + Architecture.LAYERS.get(i).weights() + " weights, got " + codes[i].length);
            }
        }
        this.codes = codes.clone();
        this.q = q;
    }

    /** The kernels' integer codes. */
    int[][] codes() {
        return codes.clone();
    }

    /** The formats. */
    Quantization quantization() {
        return q;
    }

    @Override
    public double[] run(float[] luma, int width, int height) {
        List<Architecture.Layer> layers = Architecture.LAYERS;
        int n = width * height;
        int[] a = new int[n];
        for (int p = 0; p < n; p++) {
            a[p] = Quantization.code(luma[p], q.inputFrac(), Quantization.ACTIVATION_BITS);
        }
        int inFrac = q.inputFrac();
        int[][] outputs = new int[layers.size()][];
        for (int i = 0; i < layers.size(); i++) {
            Architecture.Layer l = layers.get(i);
            int[] acc = new int[n * l.out()];
            accumulate(l, codes[i], a, acc, width, height);
            int outFrac = q.outputFrac()[i];
            int shift = q.weightFrac()[i] + inFrac - outFrac;
            int[] skip = l.skipFrom() >= 0 ? outputs[l.skipFrom()] : null;
            int skipShift = l.skipFrom() >= 0 ? q.outputFrac()[l.skipFrom()] - outFrac : 0;
            for (int j = 0; j < acc.length; j++) {
                int v = clamp(rescale(acc[j], shift));
                if (skip != null) {
                    v = clamp((long) v + clamp(rescale(skip[j], skipShift)));
                }
                acc[j] = l.relu() && v < 0 ? 0 : v;
            }
            outputs[i] = acc;
            a = acc;
            inFrac = outFrac;
        }
        double[] out = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            out[j] = Math.scalb((double) a[j], -inFrac);
        }
        return out;
    }

    /** {@code v * 2^-shift}, rounded half up when bits are dropped. */
    private static long rescale(long v, int shift) {
        return shift > 0 ? (v + (1L << (shift - 1))) >> shift : v << -shift;
    }

    private static int clamp(long v) {
        return (int) Math.max(AMIN, Math.min(AMAX, v));
    }

    private static void accumulate(Architecture.Layer l, int[] w, int[] in, int[] out, int width, int height) {
        int r = l.k() / 2;
        int ci = l.in();
        int co = l.out();
        boolean depthwise = l.kind() == Architecture.Kind.DEPTHWISE;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int o = (y * width + x) * co;
                for (int ky = Math.max(0, r - y); ky < Math.min(l.k(), height - y + r); ky++) {
                    int row = (y + ky - r) * width;
                    for (int kx = Math.max(0, r - x); kx < Math.min(l.k(), width - x + r); kx++) {
                        int src = (row + x + kx - r) * ci;
                        int tap = (ky * l.k() + kx) * ci;
                        if (depthwise) {
                            for (int c = 0; c < ci; c++) {
                                out[o + c] += w[tap + c] * in[src + c];
                            }
                        } else {
                            for (int c = 0; c < ci; c++) {
                                int v = in[src + c];
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
