package org.loupe.numerics;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
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
    private static final VectorSpecies<Byte> B = VectorSpecies.of(byte.class,
            VectorShape.forBitSize(F.vectorBitSize() / 4));
    private static final VectorSpecies<Short> S = VectorSpecies.of(short.class,
            VectorShape.forBitSize(F.vectorBitSize() / 2));

    private VectorRows() {
    }

    /** Copies row {@code y} of a single-band image into {@code dst[at .. at + width)} as floats. */
    public static void read(PixelImage band, int y, float[] dst, int at) {
        int w = band.width();
        int s = band.offset() + y * band.stride();
        int x = 0;
        if (band instanceof GrayU8 g) {
            byte[] d = g.data();
            for (; x + LANES <= w; x += LANES) {
                IntVector v = (IntVector) ByteVector.fromArray(B, d, s + x).convertShape(VectorOperators.B2I, I, 0);
                ((FloatVector) v.and(0xFF).convert(VectorOperators.I2F, 0)).intoArray(dst, at + x);
            }
            for (; x < w; x++) {
                dst[at + x] = d[s + x] & 0xFF;
            }
        } else if (band instanceof GrayU16 g) {
            short[] d = g.data();
            for (; x + LANES <= w; x += LANES) {
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
            for (; x + LANES <= w; x += LANES) {
                ((ByteVector) toInts(src, at + x, 255).convertShape(VectorOperators.I2B, B, 0)).intoArray(out, d + x);
            }
            for (; x < w; x++) {
                out[d + x] = (byte) PixelType.UINT8.saturate(src[at + x]);
            }
        } else if (band instanceof GrayU16 g) {
            short[] out = g.data();
            for (; x + LANES <= w; x += LANES) {
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
