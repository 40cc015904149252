package org.loupe.numerics.resample;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * One axis of a resize whose taps move by a fixed step: every P outputs advance Q inputs (x2: P = 2, Q = 1; /2:
 * P = 1, Q = 2), which is the case for integer and simple rational scales. Output P i + p then reads inputs
 * Q i + c_p + offset_j, so for each phase p and tap j the inputs of consecutive i are consecutive once the input row
 * is mirrored at its ends and split into Q interleaved rows: every tap becomes a multiply-add over whole vectors.
 * The weights stay those of each output, in the same order, so the sums are the gather loop's to the last bit.
 * Not thread-safe (it holds scratch rows): one per strip.
 */
final class Polyphase {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final int L = D.length();
    private static final int MAX_PERIOD = 16;
    private static final VectorShuffle<Double> LOW = VectorShuffle.fromOp(D, lane -> lane / 2);
    private static final VectorShuffle<Double> HIGH = VectorShuffle.fromOp(D, lane -> L / 2 + lane / 2);
    private static final VectorMask<Double> ODD = VectorMask.fromLong(D, 0xAAAAAAAAAAAAAAAAL);
    private static final VectorShuffle<Double> EVENS = VectorShuffle.fromOp(D, lane -> 2 * lane % L);
    private static final VectorShuffle<Double> ODDS = VectorShuffle.fromOp(D, lane -> (2 * lane + 1) % L);
    private static final VectorMask<Double> UPPER = VectorMask.fromLong(D, -1L << (L / 2));

    private final int inLength;
    private final int outLength;
    private final int period;
    private final int step;
    private final int taps;
    private final int[] offset;
    private final int padLeft;
    private final int[] base;
    private final int[] count;
    /** weights[p][j] holds the weight of tap j for outputs P i + p, i = 0, 1, ... (zero-padded to whole vectors). */
    private final double[][][] weights;
    private final double[] padded;
    private final double[][] split;
    private final double[][] phaseOut;

    private Polyphase(Contributions c, int inLength, int outLength, int period, int step) {
        this.inLength = inLength;
        this.outLength = outLength;
        this.period = period;
        this.step = step;
        this.taps = c.taps;
        this.offset = c.offset;
        int lo = Integer.MAX_VALUE;
        int firstMax = Integer.MIN_VALUE;
        for (int p = 0; p < period; p++) {
            lo = Math.min(lo, c.first[p] + offset[0]);
            firstMax = Math.max(firstMax, c.first[p]);
        }
        this.padLeft = Math.max(0, -lo) + step;
        int perPhase = (outLength + period - 1) / period;
        int vectorised = (perPhase + L - 1) / L * L;
        // the last vector of the last phase reads up to step * vectorised inputs beyond its first tap
        int paddedLength = Math.max(padLeft + inLength, padLeft + firstMax + offset[taps - 1] + step * (vectorised
                + 1) + 1);
        this.padded = new double[paddedLength];
        this.split = new double[step][paddedLength / step + 1];
        this.base = new int[period];
        this.count = new int[period];
        this.weights = new double[period][taps][vectorised];
        this.phaseOut = new double[period][vectorised];
        for (int p = 0; p < period && p < outLength; p++) {
            base[p] = c.first[p] + padLeft;
            count[p] = (outLength - p + period - 1) / period;
            for (int i = 0; i < count[p]; i++) {
                int o = period * i + p;
                for (int j = 0; j < taps; j++) {
                    weights[p][j][i] = c.weights[o * taps + j];
                }
            }
        }
    }

    /** The polyphase form of an axis, or null when its taps do not move by a fixed step. */
    static Polyphase of(Contributions c, int inLength, int outLength) {
        for (int period = 1; period <= MAX_PERIOD && period < outLength; period++) {
            int step = c.first[period] - c.first[0];
            if (step < 1) {
                continue;
            }
            boolean regular = true;
            for (int o = period; o < outLength && regular; o++) {
                regular = c.first[o] - c.first[o - period] == step;
            }
            if (regular) {
                return new Polyphase(c, inLength, outLength, period, step);
            }
        }
        return null;
    }

    /** even[m] = in[2 m], odd[m] = in[2 m + 1]: the inverse of {@link #zip}, by rearranges and blends. */
    private static void unzip(double[] in, double[] even, double[] odd) {
        int k = 0;
        for (; k + 2 * L <= in.length; k += 2 * L) {
            DoubleVector a = DoubleVector.fromArray(D, in, k);
            DoubleVector b = DoubleVector.fromArray(D, in, k + L);
            a.rearrange(EVENS).blend(b.rearrange(EVENS), UPPER).intoArray(even, k / 2);
            a.rearrange(ODDS).blend(b.rearrange(ODDS), UPPER).intoArray(odd, k / 2);
        }
        for (; k < in.length; k++) {
            if ((k & 1) == 0) {
                even[k >> 1] = in[k];
            } else {
                odd[k >> 1] = in[k];
            }
        }
    }

    /** out[2 i] = even[i], out[2 i + 1] = odd[i]: two vector rearranges and a blend per vector of output. */
    private void zip(double[] even, double[] odd, double[] out) {
        int i = 0;
        for (; 2 * i + 2 * L <= outLength; i += L) {
            DoubleVector a = DoubleVector.fromArray(D, even, i);
            DoubleVector b = DoubleVector.fromArray(D, odd, i);
            a.rearrange(LOW).blend(b.rearrange(LOW), ODD).intoArray(out, 2 * i);
            a.rearrange(HIGH).blend(b.rearrange(HIGH), ODD).intoArray(out, 2 * i + L);
        }
        for (int o = 2 * i; o < outLength; o++) {
            out[o] = (o & 1) == 0 ? even[o >> 1] : odd[o >> 1];
        }
    }

    /** out[0 .. outLength) = the resized {@code in[0 .. inLength)}, summing each output's taps in order from 0. */
    void apply(double[] in, double[] out) {
        System.arraycopy(in, 0, padded, padLeft, inLength);
        for (int k = -padLeft; k < 0; k++) {
            padded[k + padLeft] = in[Contributions.mirror(k + 1L, inLength)];
        }
        for (int k = inLength; k < padded.length - padLeft; k++) {
            padded[k + padLeft] = in[Contributions.mirror(k + 1L, inLength)];
        }
        if (step == 2) {
            unzip(padded, split[0], split[1]);
        } else if (step > 2) {
            for (int q = 0; q < step; q++) {
                double[] part = split[q];
                for (int m = 0, k = q; k < padded.length; m++, k += step) {
                    part[m] = padded[k];
                }
            }
        }
        for (int p = 0; p < period && p < outLength; p++) {
            double[] t = phaseOut[p];
            Arrays.fill(t, 0);
            for (int j = 0; j < taps; j++) {
                int e = base[p] + offset[j];
                double[] source = step == 1 ? padded : split[e % step];
                int start = step == 1 ? e : e / step;
                double[] w = weights[p][j];
                for (int i = 0; i < count[p]; i += L) {
                    DoubleVector.fromArray(D, t, i).add(DoubleVector.fromArray(D, w, i)
                            .mul(DoubleVector.fromArray(D, source, start + i))).intoArray(t, i);
                }
            }
        }
        if (period == 1) {
            System.arraycopy(phaseOut[0], 0, out, 0, outLength);
        } else if (period == 2) {
            zip(phaseOut[0], phaseOut[1], out);
        } else {
            for (int p = 0; p < period && p < outLength; p++) {
                double[] t = phaseOut[p];
                for (int i = 0, o = p; i < count[p]; i++, o += period) {
                    out[o] = t[i];
                }
            }
        }
    }
}
