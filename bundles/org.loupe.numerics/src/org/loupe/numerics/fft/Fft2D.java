package org.loupe.numerics.fft;

import org.jtransforms.fft.DoubleFFT_2D;
import org.loupe.image.PixelImage;
import org.loupe.numerics.Grid;

/**
 * Two-dimensional discrete Fourier transforms through JTransforms, with numpy's conventions: the forward transform
 * is unnormalised ({@code numpy.fft.fft2}), the inverse divides by the number of points ({@code numpy.fft.ifft2}).
 * Any size works; sizes with small prime factors are fastest.
 */
public final class Fft2D {

    private Fft2D() {
    }

    /** The spectrum of a single-band image. */
    public static ComplexGrid forward(PixelImage band) {
        return forward(Grid.of(band));
    }

    /** The spectrum of a real grid. */
    public static ComplexGrid forward(Grid real) {
        int w = real.width();
        int h = real.height();
        double[] a = new double[2 * w * h];
        System.arraycopy(real.values(), 0, a, 0, w * h);
        new DoubleFFT_2D(h, w).realForwardFull(a);
        return new ComplexGrid(w, h, a);
    }

    /** The spectrum of a complex grid. */
    public static ComplexGrid forward(ComplexGrid z) {
        double[] a = z.data().clone();
        new DoubleFFT_2D(z.height(), z.width()).complexForward(a);
        return new ComplexGrid(z.width(), z.height(), a);
    }

    /** The inverse transform, scaled by 1 / (width x height). */
    public static ComplexGrid inverse(ComplexGrid spectrum) {
        double[] a = spectrum.data().clone();
        new DoubleFFT_2D(spectrum.height(), spectrum.width()).complexInverse(a, true);
        return new ComplexGrid(spectrum.width(), spectrum.height(), a);
    }
}
