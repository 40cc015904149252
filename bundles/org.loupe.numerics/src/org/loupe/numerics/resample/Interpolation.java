package org.loupe.numerics.resample;

/** The interpolation kernels of MATLAB's {@code imresize}, with their support widths. */
public enum Interpolation {
    /** Box kernel of width 1; never antialiased. */
    NEAREST(1.0),
    /** Triangle kernel of width 2. */
    BILINEAR(2.0),
    /** Keys' cubic convolution kernel with a = -0.5, width 4. */
    BICUBIC(4.0);

    private final double width;

    Interpolation(double width) {
        this.width = width;
    }

    /** Support width of the kernel in input pixels (before antialiasing widens it). */
    public double width() {
        return width;
    }

    /** The kernel's value at distance {@code x}, exactly as MATLAB defines it (including its half-open edges). */
    public double kernel(double x) {
        return switch (this) {
            case NEAREST -> (x >= -0.5 && x < 0.5) ? 1 : 0;
            case BILINEAR -> (x >= -1 && x < 0) ? x + 1 : ((x >= 0 && x <= 1) ? 1 - x : 0);
            case BICUBIC -> {
                double a = Math.abs(x);
                double a2 = a * a;
                double a3 = a2 * a;
                if (a <= 1) {
                    yield 1.5 * a3 - 2.5 * a2 + 1;
                }
                yield a <= 2 ? -0.5 * a3 + 2.5 * a2 - 4 * a + 2 : 0;
            }
        };
    }
}
