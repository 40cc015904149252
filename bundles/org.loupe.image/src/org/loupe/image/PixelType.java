package org.loupe.image;

/**
 * The storage type of one sample. Computation happens in float; this says how samples are stored and
 * which value range they cover, so that outputs can keep the input's bit depth.
 */
public enum PixelType {
    /** Unsigned 8-bit integer, 0..255. */
    UINT8(8, 255),
    /** Unsigned 16-bit integer, 0..65535 (X-ray detectors often fill only 12 or 14 of the bits). */
    UINT16(16, 65535),
    /** 32-bit IEEE float, no fixed range. */
    FLOAT32(32, Double.NaN);

    private final int bits;
    private final double maxValue;

    PixelType(int bits, double maxValue) {
        this.bits = bits;
        this.maxValue = maxValue;
    }

    /** Bits per stored sample. */
    public int bits() {
        return bits;
    }

    /** Whether samples are integers with a fixed range. */
    public boolean isInteger() {
        return this != FLOAT32;
    }

    /** The largest storable value of an integer type; NaN for float. */
    public double maxValue() {
        return maxValue;
    }

    /**
     * Converts a computed value to a stored integer sample: rounds half up (as MATLAB does for non-negative values)
     * and saturates to the type's range; NaN becomes 0.
     *
     * @throws IllegalStateException for FLOAT32, which stores values as they are
     */
    public int saturate(double value) {
        if (this == FLOAT32) {
            throw new IllegalStateException("FLOAT32 samples are not saturated");
        }
        if (!(value > 0)) {
            return 0;
        }
        return value >= maxValue ? (int) maxValue : (int) (value + 0.5);
    }
}
