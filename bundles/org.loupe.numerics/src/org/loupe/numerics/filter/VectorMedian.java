package org.loupe.numerics.filter;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.loupe.image.GrayU16;
import org.loupe.image.GrayU8;
import org.loupe.image.PixelImage;

/**
 * {@link NetworkMedian} for 8- and 16-bit images with explicit vectors (64 bytes or 32 shorts per instruction with
 * AVX-512): samples are stored with their top bit flipped so that signed min/max order them as unsigned values.
 * A 3x3 window sorts each column of three once per row and combines neighbouring columns (max of the minima, median
 * of the middles, min of the maxima); larger windows run the pruned selection network, reading each window position
 * straight from the padded rows the first time the network touches it. The byte and short versions are twins:
 * Java has no generics over primitive vectors. Only loaded when {@code Simd.enabled()}.
 */
final class VectorMedian {

    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Short> S = ShortVector.SPECIES_PREFERRED;

    private VectorMedian() {
    }

    static void rows(PixelImage src, PixelImage dst, SelectionNetwork net, int y0, int y1) {
        if (src instanceof GrayU8 g) {
            bytes(g, (GrayU8) dst, net, y0, y1);
        } else {
            shorts((GrayU16) src, (GrayU16) dst, net, y0, y1);
        }
    }

    private static void bytes(GrayU8 src, GrayU8 dst, SelectionNetwork net, int y0, int y1) {
        int k = net.side();
        int r = k / 2;
        int w = src.width();
        int L = B.length();
        int wp = (w + L - 1) / L * L;
        byte[][] padded = new byte[k][wp + 2 * r + L];
        byte[][] v = new byte[k == 3 ? 3 : net.size][wp + L];
        byte[] out = new byte[wp];
        for (int y = y0; y < y1; y++) {
            for (int dy = 0; dy < k; dy++) {
                readBiased(src, Border.clamp(y + dy - r, src.height()), padded[dy], r);
            }
            if (k == 3) {
                median3(padded, v, out, wp);
            } else {
                network(net, padded, v, out, wp);
            }
            System.arraycopy(out, 0, dst.data(), dst.offset() + y * dst.stride(), w);
        }
    }

    private static void readBiased(GrayU8 src, int y, byte[] row, int r) {
        int w = src.width();
        byte[] d = src.data();
        int s = src.offset() + y * src.stride();
        int L = B.length();
        int x = 0;
        for (; x + L <= w; x += L) {
            ByteVector.fromArray(B, d, s + x).lanewise(VectorOperators.XOR, (byte) 0x80).intoArray(row, r + x);
        }
        for (; x < w; x++) {
            row[r + x] = (byte) (d[s + x] ^ 0x80);
        }
        for (int i = 0; i < r; i++) {
            row[i] = row[r];
            row[r + w + i] = row[r + w - 1];
        }
    }

    /** Sorted columns into v[0..2] (low, middle, high), then the 3x3 median of each position into out. */
    private static void median3(byte[][] p, byte[][] v, byte[] out, int wp) {
        int L = B.length();
        for (int x = 0; x < wp + 2; x += L) {
            ByteVector a = ByteVector.fromArray(B, p[0], x);
            ByteVector b = ByteVector.fromArray(B, p[1], x);
            ByteVector c = ByteVector.fromArray(B, p[2], x);
            ByteVector lo = a.min(b);
            ByteVector hi = a.max(b);
            ByteVector m = lo.max(c);
            lo.min(c).intoArray(v[0], x);
            m.min(hi).intoArray(v[1], x);
            m.max(hi).intoArray(v[2], x);
        }
        for (int x = 0; x < wp; x += L) {
            ByteVector maxLo = ByteVector.fromArray(B, v[0], x).max(ByteVector.fromArray(B, v[0], x + 1))
                    .max(ByteVector.fromArray(B, v[0], x + 2));
            ByteVector minHi = ByteVector.fromArray(B, v[2], x).min(ByteVector.fromArray(B, v[2], x + 1))
                    .min(ByteVector.fromArray(B, v[2], x + 2));
            ByteVector medMid = med3(ByteVector.fromArray(B, v[1], x), ByteVector.fromArray(B, v[1], x + 1),
                    ByteVector.fromArray(B, v[1], x + 2));
            med3(maxLo, medMid, minHi).lanewise(VectorOperators.XOR, (byte) 0x80).intoArray(out, x);
        }
    }

    private static ByteVector med3(ByteVector a, ByteVector b, ByteVector c) {
        return a.min(b).max(a.max(b).min(c));
    }

    private static void network(SelectionNetwork net, byte[][] p, byte[][] v, byte[] out, int wp) {
        int k = net.side();
        int L = B.length();
        boolean[] done = new boolean[net.size];
        for (int c = 0; c < net.comparators(); c++) {
            int i = net.low(c);
            int j = net.high(c);
            byte[] ai = done[i] ? v[i] : p[i / k];
            int oi = done[i] ? 0 : i % k;
            byte[] aj = done[j] ? v[j] : p[j / k];
            int oj = done[j] ? 0 : j % k;
            for (int x = 0; x < wp; x += L) {
                ByteVector a = ByteVector.fromArray(B, ai, oi + x);
                ByteVector b = ByteVector.fromArray(B, aj, oj + x);
                a.min(b).intoArray(v[i], x);
                a.max(b).intoArray(v[j], x);
            }
            done[i] = true;
            done[j] = true;
        }
        byte[] m = v[net.size / 2];
        for (int x = 0; x < wp; x += L) {
            ByteVector.fromArray(B, m, x).lanewise(VectorOperators.XOR, (byte) 0x80).intoArray(out, x);
        }
    }

    private static void shorts(GrayU16 src, GrayU16 dst, SelectionNetwork net, int y0, int y1) {
        int k = net.side();
        int r = k / 2;
        int w = src.width();
        int L = S.length();
        int wp = (w + L - 1) / L * L;
        short[][] padded = new short[k][wp + 2 * r + L];
        short[][] v = new short[k == 3 ? 3 : net.size][wp + L];
        short[] out = new short[wp];
        for (int y = y0; y < y1; y++) {
            for (int dy = 0; dy < k; dy++) {
                readBiased(src, Border.clamp(y + dy - r, src.height()), padded[dy], r);
            }
            if (k == 3) {
                median3(padded, v, out, wp);
            } else {
                network(net, padded, v, out, wp);
            }
            System.arraycopy(out, 0, dst.data(), dst.offset() + y * dst.stride(), w);
        }
    }

    private static void readBiased(GrayU16 src, int y, short[] row, int r) {
        int w = src.width();
        short[] d = src.data();
        int s = src.offset() + y * src.stride();
        int L = S.length();
        int x = 0;
        for (; x + L <= w; x += L) {
            ShortVector.fromArray(S, d, s + x).lanewise(VectorOperators.XOR, (short) 0x8000).intoArray(row, r + x);
        }
        for (; x < w; x++) {
            row[r + x] = (short) (d[s + x] ^ 0x8000);
        }
        for (int i = 0; i < r; i++) {
            row[i] = row[r];
            row[r + w + i] = row[r + w - 1];
        }
    }

    private static void median3(short[][] p, short[][] v, short[] out, int wp) {
        int L = S.length();
        for (int x = 0; x < wp + 2; x += L) {
            ShortVector a = ShortVector.fromArray(S, p[0], x);
            ShortVector b = ShortVector.fromArray(S, p[1], x);
            ShortVector c = ShortVector.fromArray(S, p[2], x);
            ShortVector lo = a.min(b);
            ShortVector hi = a.max(b);
            ShortVector m = lo.max(c);
            lo.min(c).intoArray(v[0], x);
            m.min(hi).intoArray(v[1], x);
            m.max(hi).intoArray(v[2], x);
        }
        for (int x = 0; x < wp; x += L) {
            ShortVector maxLo = ShortVector.fromArray(S, v[0], x).max(ShortVector.fromArray(S, v[0], x + 1))
                    .max(ShortVector.fromArray(S, v[0], x + 2));
            ShortVector minHi = ShortVector.fromArray(S, v[2], x).min(ShortVector.fromArray(S, v[2], x + 1))
                    .min(ShortVector.fromArray(S, v[2], x + 2));
            ShortVector medMid = med3(ShortVector.fromArray(S, v[1], x), ShortVector.fromArray(S, v[1], x + 1),
                    ShortVector.fromArray(S, v[1], x + 2));
            med3(maxLo, medMid, minHi).lanewise(VectorOperators.XOR, (short) 0x8000).intoArray(out, x);
        }
    }

    private static ShortVector med3(ShortVector a, ShortVector b, ShortVector c) {
        return a.min(b).max(a.max(b).min(c));
    }

    private static void network(SelectionNetwork net, short[][] p, short[][] v, short[] out, int wp) {
        int k = net.side();
        int L = S.length();
        boolean[] done = new boolean[net.size];
        for (int c = 0; c < net.comparators(); c++) {
            int i = net.low(c);
            int j = net.high(c);
            short[] ai = done[i] ? v[i] : p[i / k];
            int oi = done[i] ? 0 : i % k;
            short[] aj = done[j] ? v[j] : p[j / k];
            int oj = done[j] ? 0 : j % k;
            for (int x = 0; x < wp; x += L) {
                ShortVector a = ShortVector.fromArray(S, ai, oi + x);
                ShortVector b = ShortVector.fromArray(S, aj, oj + x);
                a.min(b).intoArray(v[i], x);
                a.max(b).intoArray(v[j], x);
            }
            done[i] = true;
            done[j] = true;
        }
        short[] m = v[net.size / 2];
        for (int x = 0; x < wp; x += L) {
            ShortVector.fromArray(S, m, x).lanewise(VectorOperators.XOR, (short) 0x8000).intoArray(out, x);
        }
    }
}
