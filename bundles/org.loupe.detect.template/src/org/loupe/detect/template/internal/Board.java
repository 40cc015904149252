package org.loupe.detect.template.internal;

import org.loupe.image.FloatImages;

/**
 * A board image as grey values in [0, 1] plus its binarised copper mask. Colour files become their luma
 * ({@link FloatImages#brightness}), so a template saved as RGB compares with a grey test image.
 *
 * @param grey   values in [0, 1], row-major
 * @param bright 1 where the value is above the binarisation threshold, else 0
 */
record Board(float[] grey, byte[] bright, int width, int height) {

    /**
     * The board of grey values {@code g} ({@link FloatImages#brightness}), binarised at {@code threshold} (the
     * template's, so that both images share one).
     */
    static Board of(float[] g, int width, int height, double threshold) {
        byte[] b = new byte[g.length];
        for (int i = 0; i < g.length; i++) {
            b[i] = (byte) (g[i] > threshold ? 1 : 0);
        }
        return new Board(g, b, width, height);
    }

    /**
     * Otsu's threshold of grey values in [0, 1] (256 bins): the level that best separates copper from substrate.
     */
    static double otsu(float[] grey) {
        long[] hist = new long[256];
        for (float v : grey) {
            hist[Math.min(255, Math.max(0, (int) (v * 255 + 0.5f)))]++;
        }
        long total = grey.length;
        double sumAll = 0;
        for (int i = 0; i < 256; i++) {
            sumAll += i * (double) hist[i];
        }
        double best = -1;
        int level = -1;
        int last = -1;
        long below = 0;
        double sumBelow = 0;
        for (int t = 0; t < 255; t++) {
            below += hist[t];
            sumBelow += t * (double) hist[t];
            long above = total - below;
            if (below == 0 || above == 0) {
                continue;
            }
            double d = sumBelow / below - (sumAll - sumBelow) / above;
            double between = (double) below * above * d * d;
            if (between > best * (1 + 1e-9)) {
                best = between;
                level = t;
                last = t;
            } else if (between >= best * (1 - 1e-9)) {
                last = t;
            }
        }
        if (level < 0) {
            return 0.5; // one grey level (a field without copper): cut at mid-scale
        }
        // a near-binary board has an empty gap between its two levels where every cut is equally good: cut in the
        // middle of it, so a second image with slightly different levels binarises the same way
        return ((level + last) / 2.0 + 0.5) / 255;
    }
}
