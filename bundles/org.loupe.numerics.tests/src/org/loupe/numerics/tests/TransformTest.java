package org.loupe.numerics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.loupe.image.ImageType;
import org.loupe.numerics.Grid;
import org.loupe.numerics.fft.ComplexGrid;
import org.loupe.numerics.fft.Fft2D;
import org.loupe.numerics.fft.Spectra;
import org.loupe.numerics.wavelet.HaarWavelet;
import org.loupe.testing.ReferenceFixtures;
import org.loupe.testing.SyntheticImages;

class TransformTest {

    private static Grid scene(int w, int h) {
        return Grid.of(SyntheticImages.scene(ImageType.GRAY_F32, w, h, 4));
    }

    @Test
    void inverseFftRestoresTheImage() {
        Grid g = scene(30, 22);
        ComplexGrid back = Fft2D.inverse(Fft2D.forward(g));
        ReferenceFixtures.assertClose(g.values(), back.real().values(), 1e-12, "round trip");
        assertEquals(0, back.im(7, 5), 1e-12);
    }

    @Test
    void complexForwardOfARealGridEqualsTheRealForward() {
        Grid g = scene(16, 12);
        ComplexGrid a = Fft2D.forward(g);
        ComplexGrid b = Fft2D.forward(ComplexGrid.ofReal(g));
        ReferenceFixtures.assertClose(a.power().values(), b.power().values(), 1e-12, "same spectrum");
    }

    @Test
    void aPureCosineHasItsPowerAtOneRadius() {
        Grid g = new Grid(64, 64);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                g.set(x, y, Math.cos(2 * Math.PI * 5 * x / 64));
            }
        }
        double[] profile = Spectra.radialProfile(Fft2D.forward(g).power());
        int peak = 0;
        for (int r = 1; r < profile.length; r++) {
            peak = profile[r] > profile[peak] ? r : peak;
        }
        assertEquals(5, peak);
        assertEquals((int) Math.floor(Math.hypot(32, 32)) + 1, profile.length);
    }

    @Test
    void haarRoundTripIsExactOverThreeLevels() {
        Grid g = scene(48, 32);
        Grid back = HaarWavelet.inverse(HaarWavelet.forward(g, 3));
        ReferenceFixtures.assertClose(g.values(), back.values(), 1e-12, "inverse");
    }

    @Test
    void haarPreservesEnergy() {
        Grid g = scene(32, 32);
        HaarWavelet.Decomposition d = HaarWavelet.forward(g, 2);
        double energy = 0;
        for (double v : g.values()) {
            energy += v * v;
        }
        double coefficients = 0;
        for (double v : d.approximation().values()) {
            coefficients += v * v;
        }
        for (var l : d.levels()) {
            for (Grid s : new Grid[] {l.horizontal(), l.vertical(), l.diagonal()}) {
                for (double v : s.values()) {
                    coefficients += v * v;
                }
            }
        }
        assertEquals(energy, coefficients, 1e-9 * energy, "an orthonormal transform keeps the energy");
    }

    @Test
    void haarRefusesSizesThatCannotBeHalvedEnoughTimes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HaarWavelet.forward(scene(30, 32), 2));
        assertEquals("a 30x32 grid cannot be split into 2 Haar levels: both sides must be multiples of 4",
                e.getMessage());
    }
}
