package org.loupe.numerics.wavelet;

import java.util.ArrayList;
import java.util.List;
import org.loupe.numerics.Grid;

/**
 * The orthonormal 2-D Haar wavelet transform over several levels, and its exact inverse. Coefficients match
 * PyWavelets' {@code wavedec2(x, 'haar', mode='periodization')}: for each 2x2 block [a b; c d],
 * approximation (a+b+c+d)/2, cH ((a-c)+(b-d))/2, cV ((a+c)-(b+d))/2, cD ((a-c)-(b-d))/2. Width and height must be
 * divisible by 2 to the power of the number of levels.
 */
public final class HaarWavelet {

    /**
     * A decomposition: the coarsest approximation and the detail levels, finest first.
     *
     * @param approximation the low-pass image after the last level
     * @param levels        detail subbands; index 0 is level 1 (half resolution)
     */
    public record Decomposition(Grid approximation, List<WaveletLevel> levels) {
        /** Copies the level list. */
        public Decomposition {
            levels = List.copyOf(levels);
        }
    }

    private HaarWavelet() {
    }

    /** Decomposes {@code g} over {@code levels} levels. */
    public static Decomposition forward(Grid g, int levels) {
        if (levels < 1 || g.width() % (1 << levels) != 0 || g.height() % (1 << levels) != 0) {
            throw new IllegalArgumentException("a " + g.width() + "x" + g.height() + " grid cannot be split into "
                    + levels + " Haar levels: both sides must be multiples of " + (1 << Math.max(levels, 0)));
        }
        List<WaveletLevel> details = new ArrayList<>();
        Grid a = g;
        for (int l = 0; l < levels; l++) {
            int w = a.width() / 2;
            int h = a.height() / 2;
            Grid ll = new Grid(w, h);
            Grid ch = new Grid(w, h);
            Grid cv = new Grid(w, h);
            Grid cd = new Grid(w, h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double p = a.get(2 * x, 2 * y);
                    double q = a.get(2 * x + 1, 2 * y);
                    double r = a.get(2 * x, 2 * y + 1);
                    double s = a.get(2 * x + 1, 2 * y + 1);
                    ll.set(x, y, (p + q + r + s) / 2);
                    ch.set(x, y, ((p - r) + (q - s)) / 2);
                    cv.set(x, y, ((p + r) - (q + s)) / 2);
                    cd.set(x, y, ((p - r) - (q - s)) / 2);
                }
            }
            details.add(new WaveletLevel(ch, cv, cd));
            a = ll;
        }
        return new Decomposition(a, details);
    }

    /** Reconstructs the grid a decomposition came from. */
    public static Grid inverse(Decomposition d) {
        Grid a = d.approximation();
        for (int l = d.levels().size() - 1; l >= 0; l--) {
            WaveletLevel level = d.levels().get(l);
            int w = a.width();
            int h = a.height();
            Grid up = new Grid(2 * w, 2 * h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double ll = a.get(x, y);
                    double ch = level.horizontal().get(x, y);
                    double cv = level.vertical().get(x, y);
                    double cd = level.diagonal().get(x, y);
                    up.set(2 * x, 2 * y, (ll + ch + cv + cd) / 2);
                    up.set(2 * x + 1, 2 * y, (ll + ch - cv - cd) / 2);
                    up.set(2 * x, 2 * y + 1, (ll - ch + cv - cd) / 2);
                    up.set(2 * x + 1, 2 * y + 1, (ll - ch - cv + cd) / 2);
                }
            }
            a = up;
        }
        return a;
    }
}
