package org.loupe.numerics.stats;

/**
 * Otsu's threshold: the grey level that best separates two classes of pixels (maximal between-class variance), as
 * detectors binarise near-binary images (copper and substrate, void and solder) and segmenters find a first ROI.
 */
public final class Otsu {

    private Otsu() {
    }

    /**
     * The threshold of values in [0, 1], over 256 bins. Where a near-binary image leaves an empty gap between its two
     * levels, every cut in the gap is equally good and the middle of it is returned, so that a second image with
     * slightly different levels binarises the same way; an image of one level gives 0.5.
     */
    public static double threshold(float[] grey) {
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
