package org.loupe.enhance.srq.internal;

import java.util.Arrays;

/**
 * A fixed-point format for every layer: a value {@code v} is stored as the integer {@code round(v * 2^frac)},
 * saturated to the signed range of its bit width. Weights take {@value #WEIGHT_BITS} bits, activations
 * {@value #ACTIVATION_BITS}; how many of those bits are fraction is chosen per layer (see {@link Quantizer}).
 *
 * @param inputFrac  fraction bits of the network input (low-resolution luma in [0, 1])
 * @param weightFrac fraction bits of each layer's weights
 * @param outputFrac fraction bits of each layer's output activations
 */
record Quantization(int inputFrac, int[] weightFrac, int[] outputFrac) {

    /** Bits of a weight, sign included. */
    static final int WEIGHT_BITS = 10;
    /** Bits of an activation, sign included. */
    static final int ACTIVATION_BITS = 14;

    /** Checks that there is one format per layer. */
    Quantization {
        if (weightFrac.length != Architecture.LAYERS.size() || outputFrac.length != Architecture.LAYERS.size()) {
            throw new IllegalArgumentException("a quantization needs a format for each of the "
                    + Architecture.LAYERS.size() + " layers");
        }
        weightFrac = weightFrac.clone();
        outputFrac = outputFrac.clone();
    }

    /** A copy with layer {@code i}'s formats replaced. */
    Quantization with(int i, int wFrac, int oFrac) {
        int[] w = weightFrac.clone();
        int[] o = outputFrac.clone();
        w[i] = wFrac;
        o[i] = oFrac;
        return new Quantization(inputFrac, w, o);
    }

    /** The integer code of {@code v} with {@code frac} fraction bits in {@code bits} signed bits. */
    static int code(double v, int frac, int bits) {
        return saturate(Math.floor(Math.scalb(v, frac) + 0.5), bits);
    }

    /** {@code v} rounded onto the grid and clipped to the range (the value the code stands for). */
    static double fake(double v, int frac, int bits) {
        return Math.scalb((double) code(v, frac, bits), -frac);
    }

    /** Clips to the signed range of {@code bits} bits. */
    static int saturate(double v, int bits) {
        double max = (1 << (bits - 1)) - 1;
        return (int) Math.max(-max - 1, Math.min(max, v));
    }

    /** Integer weights of layer {@code i}. */
    int[] codes(int i, float[] weights) {
        int[] q = new int[weights.length];
        for (int j = 0; j < q.length; j++) {
            q[j] = code(weights[j], weightFrac[i], WEIGHT_BITS);
        }
        return q;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantization q && q.inputFrac == inputFrac && Arrays.equals(q.weightFrac, weightFrac)
                && Arrays.equals(q.outputFrac, outputFrac);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * inputFrac + Arrays.hashCode(weightFrac)) + Arrays.hashCode(outputFrac);
    }

    @Override
    public String toString() {
        return "input Q." + inputFrac + ", weights " + Arrays.toString(weightFrac) + ", activations "
                + Arrays.toString(outputFrac);
    }
}
