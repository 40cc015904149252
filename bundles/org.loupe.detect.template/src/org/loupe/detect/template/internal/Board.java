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
}
