package org.loupe.numerics.fft;

import org.loupe.numerics.Grid;

/** Views of a spectrum that make it readable: centred ({@code fftshift}) and radially averaged. */
public final class Spectra {

    private Spectra() {
    }

    /** Moves frequency (0, 0) to the centre, as {@code numpy.fft.fftshift} (centre at (w/2, h/2), rounded down). */
    public static Grid shift(Grid g) {
        int w = g.width();
        int h = g.height();
        Grid out = new Grid(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.set((x + w / 2) % w, (y + h / 2) % h, g.get(x, y));
            }
        }
        return out;
    }

    /**
     * The mean of a (not shifted) spectrum over rings of equal frequency radius: element r averages the points whose
     * distance from frequency (0, 0), in cycles per image measured with numpy's signed frequencies, rounds to r.
     * The result has {@code floor(hypot(w/2, h/2)) + 1} elements.
     */
    public static double[] radialProfile(Grid spectrum) {
        int w = spectrum.width();
        int h = spectrum.height();
        int n = (int) Math.floor(Math.hypot(w / 2, h / 2)) + 1;
        double[] sum = new double[n];
        long[] count = new long[n];
        for (int y = 0; y < h; y++) {
            int fy = y <= (h - 1) / 2 ? y : y - h;
            for (int x = 0; x < w; x++) {
                int fx = x <= (w - 1) / 2 ? x : x - w;
                int r = (int) Math.round(Math.hypot(fx, fy));
                if (r < n) {
                    sum[r] += spectrum.get(x, y);
                    count[r]++;
                }
            }
        }
        for (int r = 0; r < n; r++) {
            sum[r] = count[r] == 0 ? 0 : sum[r] / count[r];
        }
        return sum;
    }
}
