package org.loupe.numerics;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.loupe.image.GrayF32;
import org.loupe.image.GrayU16;
import org.loupe.image.GrayU8;
import org.loupe.image.PixelImage;
import org.loupe.image.PixelType;

/**
 * {@link Rows}' float conversions with explicit vectors: a row of 8-bit, 16-bit or float samples to floats, and
 * floats back, rounded half up and saturated exactly as {@link PixelType#saturate} does. A vector of
 * {@link #LANES} floats converts from and to a vector of as many bytes or shorts. Only loaded when
 * {@link Simd#enabled()}.
 */
public final class VectorRows {

    /** The float vector species used by the filters: the widest the machine has. */
    public static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** Floats per vector. */
    public static final int LANES = F.length();

    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final float MAGIC = 8388608f;
    private static final int MAGIC_BITS = Float.floatToRawIntBits(MAGIC);
    // The narrow species a conversion pairs with a float or double vector: as many lanes of bytes, shorts, ints or
    // floats. The Vector API has no shape below 64 bits, so on a machine whose widest vectors are 256 bits (AVX2: four
    // doubles, i.e. 32 bits of bytes) or 128 bits some of them do not exist; those rows convert lane by lane (null).
    private static final VectorSpecies<Byte> B = narrow(byte.class, F.vectorBitSize() / 4);
    private static final VectorSpecies<Short> S = narrow(short.class, F.vectorBitSize() / 2);

    /** The double vector species used by resizing. */
    public static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Doubles per vector. */
    public static final int DOUBLE_LANES = D.length();

    private static final VectorSpecies<Integer> DI = narrow(int.class, D.vectorBitSize() / 2);
    private static final VectorSpecies<Byte> DB = narrow(byte.class, D.vectorBitSize() / 8);
    private static final VectorSpecies<Short> DS = narrow(short.class, D.vectorBitSize() / 4);
    private static final VectorSpecies<Float> DF = narrow(float.class, D.vectorBitSize() / 2);
    private static final double DMAGIC = 4503599627370496.0;
    private static final long DMAGIC_BITS = Double.doubleToRawLongBits(DMAGIC);

    private VectorRows() {
    }

    /** The species of {@code bits} bits of {@code type}; null below 64 bits, a shape the Vector API does not have. */
    static <E> VectorSpecies<E> narrow(Class<E> type, int bits) {
        return bits < 64 ? null : VectorSpecies.of(type, VectorShape.forBitSize(bits));
    }

    /** Copies row {@code y} of a single-band image into {@code dst[0 .. width)} as doubles. */
    public static void readDoubles(PixelImage band, int y, double[] dst) {
        int w = band.width();
        int s = band.offset() + y * band.stride();
        int n = DOUBLE_LANES;
        int x = 0;
        if (band instanceof GrayU8 g) {
            byte[] d = g.data();
            for (; DB != null && x + n <= w; x += n) {
                IntVector v = (IntVector) ByteVector.fromArray(DB, d, s + x).convertShape(VectorOperators.B2I, DI, 0);
                ((DoubleVector) v.and(0xFF).convertShape(VectorOperators.I2D, D, 0)).intoArray(dst, x);
            }
            for (; x < w; x++) {
                dst[x] = d[s + x] & 0xFF;
            }
        } else if (band instanceof GrayU16 g) {
            short[] d = g.data();
            for (; DS != null && x + n <= w; x += n) {
                IntVector v = (IntVector) ShortVector.fromArray(DS, d, s + x).convertShape(VectorOperators.S2I, DI, 0);
                ((DoubleVector) v.and(0xFFFF).convertShape(VectorOperators.I2D, D, 0)).intoArray(dst, x);
            }
            for (; x < w; x++) {
                dst[x] = d[s + x] & 0xFFFF;
            }
        } else {
            float[] d = ((GrayF32) band).data();
            for (; DF != null && x + n <= w; x += n) {
                ((DoubleVector) FloatVector.fromArray(DF, d, s + x).convertShape(VectorOperators.F2D, D, 0))
                        .intoArray(dst, x);
            }
            for (; x < w; x++) {
                dst[x] = d[s + x];
            }
        }
    }

    /**
     * Replaces {@code row[0 .. n)} (n a multiple of {@link #DOUBLE_LANES}) by its values rounded half up and saturated
     * to [0, max], as {@link PixelType#saturate} does for finite values (resizing integer images produces no NaN):
     * floor(v + 0.5) through the 2^52 rounding trick, lowered by one where it rounded up, since JDK 17 has no
     * intrinsic for the double-to-integer conversion.
     */
    public static void saturate(double[] row, int n, int max) {
        for (int x = 0; x < n; x += DOUBLE_LANES) {
            saturated(row, x, max).intoArray(row, x);
        }
    }

    private static DoubleVector saturated(double[] row, int at, double max) {
        DoubleVector f = DoubleVector.fromArray(D, row, at).add(0.5).max(0.0).min(max);
        DoubleVector r = f.add(DMAGIC).sub(DMAGIC);
        return r.sub(1.0, r.compare(VectorOperators.GT, f));
    }

    /**
     * Stores {@code src[0 .. width)} as row {@code y}, rounded and saturated ({@link #saturate}) for integer images in
     * the same pass.
     */
    public static void writeDoubles(PixelImage band, int y, double[] src) {
        int w = band.width();
        int d = band.offset() + y * band.stride();
        int n = DOUBLE_LANES;
        int x = 0;
        if (band instanceof GrayU8 g) {
            byte[] out = g.data();
            for (; DB != null && x + n <= w; x += n) {
                ((ByteVector) bits(saturated(src, x, 255)).convertShape(VectorOperators.L2B, DB, 0))
                        .intoArray(out, d + x);
            }
            for (; x < w; x++) {
                out[d + x] = (byte) PixelType.UINT8.saturate(src[x]);
            }
        } else if (band instanceof GrayU16 g) {
            short[] out = g.data();
            for (; DS != null && x + n <= w; x += n) {
                ((ShortVector) bits(saturated(src, x, 65535)).convertShape(VectorOperators.L2S, DS, 0))
                        .intoArray(out, d + x);
            }
            for (; x < w; x++) {
                out[d + x] = (short) PixelType.UINT16.saturate(src[x]);
            }
        } else {
            float[] out = ((GrayF32) band).data();
            for (; DF != null && x + n <= w; x += n) {
                ((FloatVector) DoubleVector.fromArray(D, src, x).convertShape(VectorOperators.D2F, DF, 0))
                        .intoArray(out, d + x);
            }
            for (; x < w; x++) {
                out[d + x] = (float) src[x];
            }
        }
    }

    /** Whole doubles in [0, 2^52) to longs: the low bits of 2^52 + v. */
    private static LongVector bits(DoubleVector v) {
        return v.add(DMAGIC).reinterpretAsLongs().sub(DMAGIC_BITS);
    }

    /** Copies row {@code y} of a single-band image into {@code dst[at .. at + width)} as floats. */
    public static void read(PixelImage band, int y, float[] dst, int at) {
        int w = band.width();
        int s = band.offset() + y * band.stride();
        int x = 0;
        if (band instanceof GrayU8 g) {
            byte[] d = g.data();
            for (; B != null && x + LANES <= w; x += LANES) {
                IntVector v = (IntVector) ByteVector.fromArray(B, d, s + x).convertShape(VectorOperators.B2I, I, 0);
                ((FloatVector) v.and(0xFF).convert(VectorOperators.I2F, 0)).intoArray(dst, at + x);
            }
            for (; x < w; x++) {
                dst[at + x] = d[s + x] & 0xFF;
            }
        } else if (band instanceof GrayU16 g) {
            short[] d = g.data();
            for (; S != null && x + LANES <= w; x += LANES) {
                IntVector v = (IntVector) ShortVector.fromArray(S, d, s + x).convertShape(VectorOperators.S2I, I, 0);
                ((FloatVector) v.and(0xFFFF).convert(VectorOperators.I2F, 0)).intoArray(dst, at + x);
            }
            for (; x < w; x++) {
                dst[at + x] = d[s + x] & 0xFFFF;
            }
        } else {
            System.arraycopy(((GrayF32) band).data(), s, dst, at, w);
        }
    }

    /** Stores {@code src[at .. at + width)} as row {@code y}, rounding and saturating for integer images. */
    public static void write(PixelImage band, int y, float[] src, int at) {
        int w = band.width();
        int d = band.offset() + y * band.stride();
        int x = 0;
        if (band instanceof GrayU8 g) {
            byte[] out = g.data();
            for (; B != null && x + LANES <= w; x += LANES) {
                ((ByteVector) toInts(src, at + x, 255).convertShape(VectorOperators.I2B, B, 0)).intoArray(out, d + x);
            }
            for (; x < w; x++) {
                out[d + x] = (byte) PixelType.UINT8.saturate(src[at + x]);
            }
        } else if (band instanceof GrayU16 g) {
            short[] out = g.data();
            for (; S != null && x + LANES <= w; x += LANES) {
                ((ShortVector) toInts(src, at + x, 65535).convertShape(VectorOperators.I2S, S, 0))
                        .intoArray(out, d + x);
            }
            for (; x < w; x++) {
                out[d + x] = (short) PixelType.UINT16.saturate(src[at + x]);
            }
        } else {
            System.arraycopy(src, at, ((GrayF32) band).data(), d, w);
        }
    }

    /**
     * Rounds half up and saturates to [0, max], NaN to 0, as {@link PixelType#saturate}. JDK 17 has no intrinsic for
     * the float-to-int conversion, so this uses float arithmetic only: f = v + 0.5 clamped; adding and removing
     * 2^23 rounds it to the nearest integer, which is lowered by one where it overshot (giving the floor, which is
     * what truncation gives for f >= 0); the bits of 2^23 + floor(f) then hold the integer.
     */
    private static IntVector toInts(float[] src, int at, int max) {
        FloatVector f = FloatVector.fromArray(F, src, at).add(0.5f);
        f = f.blend(0f, f.compare(VectorOperators.GT, 0f).not()).min((float) max);
        FloatVector r = f.add(MAGIC).sub(MAGIC);
        r = r.sub(1f, r.compare(VectorOperators.GT, f));
        return r.add(MAGIC).reinterpretAsInts().sub(MAGIC_BITS);
    }
}
