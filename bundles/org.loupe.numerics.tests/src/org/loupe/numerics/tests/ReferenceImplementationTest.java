package org.loupe.numerics.tests;

import static org.loupe.testing.ReferenceFixtures.array;
import static org.loupe.testing.ReferenceFixtures.assertClose;
import static org.loupe.testing.ReferenceFixtures.image;
import static org.loupe.testing.ReferenceFixtures.samples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.GrayF32;
import org.loupe.image.PixelImage;
import org.loupe.numerics.Grid;
import org.loupe.numerics.fft.ComplexGrid;
import org.loupe.numerics.fft.Fft2D;
import org.loupe.numerics.fft.Spectra;
import org.loupe.numerics.filter.BoxFilter;
import org.loupe.numerics.filter.GaussianFilter;
import org.loupe.numerics.filter.MedianFilter;
import org.loupe.numerics.resample.Interpolation;
import org.loupe.numerics.resample.Resize;
import org.loupe.numerics.wavelet.HaarWavelet;

/** Loupe's numerics against SciPy, OpenCV, numpy and PyWavelets (see tools/reference/make_fixtures.py). */
class ReferenceImplementationTest {

    private static final ProcessingContext NONE = ProcessingContext.none();

    private static GrayF32 asFloat(PixelImage band) {
        GrayF32 f = GrayF32.create(band.width(), band.height());
        for (int y = 0; y < band.height(); y++) {
            for (int x = 0; x < band.width(); x++) {
                f.set(x, y, band.getFloat(x, y, 0));
            }
        }
        return f;
    }

    @ParameterizedTest(name = "{0} {1}x{1}")
    @CsvSource({"gray8,3", "gray8,5", "gray8,7", "gray8,9", "gray8,15", "gray16,3", "gray16,5", "gray16,7",
        "gray16,9", "gray16,15", "gray32,3", "gray32,5", "gray32,7", "gray32,9", "gray32,15"})
    void medianEqualsScipyExactly(String input, int size) throws LoupeException {
        PixelImage out = MedianFilter.apply(image(input), size, NONE);
        assertClose(array("filters", "median_" + input + "_" + size), samples(out), 0, "median " + input);
    }

    @ParameterizedTest(name = "{0} {1}x{1}")
    @CsvSource({"gray8,3", "gray8,5", "gray16,3", "gray16,5"})
    void medianEqualsOpenCvExactly(String input, int size) throws LoupeException {
        PixelImage out = MedianFilter.apply(image(input), size, NONE);
        assertClose(array("filters", "median_" + input + "_" + size + "_opencv"), samples(out), 0, "medianBlur");
    }

    @ParameterizedTest(name = "{0} sigma {1}")
    @CsvSource({"gray32,0.8", "gray32,2.0", "gray16,0.8", "gray16,2.0"})
    void gaussianMatchesScipy(String input, double sigma) throws LoupeException {
        PixelImage out = GaussianFilter.apply(asFloat(image(input)), sigma, NONE);
        String key = "gaussian_" + input + "_sigma" + Math.round(10 * sigma);
        assertClose(array("filters", key), samples(out), 1e-5, "gaussian_filter");
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 5})
    void boxMatchesScipyUniformFilter(int size) throws LoupeException {
        PixelImage out = BoxFilter.apply(image("gray32"), size, NONE);
        assertClose(array("filters", "box_gray32_" + size), samples(out), 1e-5, "uniform_filter");
    }

    @Test
    void bilinearDoublingMatchesOpenCv() throws LoupeException {
        PixelImage out = Resize.byScale(image("gray32"), 2, Interpolation.BILINEAR, NONE);
        assertClose(array("filters", "bilinear_x2_gray32"), samples(out), 1e-5, "cv2.resize INTER_LINEAR");
    }

    @Test
    void fftMatchesNumpy() {
        ComplexGrid spectrum = Fft2D.forward(image("gray32"));
        int w = spectrum.width();
        double[] re = new double[w * spectrum.height()];
        double[] im = new double[re.length];
        for (int i = 0; i < re.length; i++) {
            re[i] = spectrum.re(i % w, i / w);
            im[i] = spectrum.im(i % w, i / w);
        }
        assertClose(array("fft", "re"), re, 1e-9, "fft2 real part");
        assertClose(array("fft", "im"), im, 1e-9, "fft2 imaginary part");
        assertClose(array("fft", "power"), spectrum.power().values(), 1e-9, "power spectrum");
        assertClose(array("fft", "shifted_power"), Spectra.shift(spectrum.power()).values(), 1e-9, "fftshift");
    }

    @Test
    void haarMatchesPyWavelets() {
        HaarWavelet.Decomposition d = HaarWavelet.forward(Grid.of(image("gray32")), 2);
        assertClose(array("haar", "approximation"), d.approximation().values(), 1e-9, "cA2");
        for (int level = 1; level <= 2; level++) {
            var l = d.levels().get(level - 1);
            assertClose(array("haar", "level" + level, "h"), l.horizontal().values(), 1e-9, "cH" + level);
            assertClose(array("haar", "level" + level, "v"), l.vertical().values(), 1e-9, "cV" + level);
            assertClose(array("haar", "level" + level, "d"), l.diagonal().values(), 1e-9, "cD" + level);
        }
    }
}
