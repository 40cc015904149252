package org.loupe.metrics.segmentation;

import java.util.Arrays;

/**
 * Hausdorff distances between the boundaries of two masks, in pixels, as MedPy's {@code hd} and {@code hd95} compute
 * them: for every boundary pixel of each mask, the Euclidean distance to the nearest boundary pixel of the other
 * (exact, through a distance transform); {@code max} is the largest of all these distances, {@code p95} their 95th
 * percentile with linear interpolation (numpy's default), less sensitive to a few stray pixels.
 */
public final class Hausdorff {

    /**
     * Both figures.
     *
     * @param max the Hausdorff distance
     * @param p95 the 95th percentile distance (HD95)
     */
    public record Distances(double max, double p95) {
    }

    private Hausdorff() {
    }

    /**
     * @throws IllegalArgumentException if the masks differ in size or either is empty (the distance is undefined)
     */
    public static Distances of(Mask a, Mask b) {
        a.requireSameSize(b);
        if (a.area() == 0 || b.area() == 0) {
            throw new IllegalArgumentException("the Hausdorff distance needs a non-empty mask on both sides");
        }
        Mask ba = a.boundary();
        Mask bb = b.boundary();
        double[] ab = directed(ba, DistanceTransform.squared(bb));
        double[] ba2 = directed(bb, DistanceTransform.squared(ba));
        double[] all = new double[ab.length + ba2.length];
        System.arraycopy(ab, 0, all, 0, ab.length);
        System.arraycopy(ba2, 0, all, ab.length, ba2.length);
        Arrays.sort(all);
        return new Distances(all[all.length - 1], percentile(all, 95));
    }

    private static double[] directed(Mask from, double[] squaredDistanceToOther) {
        boolean[] px = from.pixels();
        double[] d = new double[(int) from.area()];
        int k = 0;
        for (int i = 0; i < px.length; i++) {
            if (px[i]) {
                d[k++] = Math.sqrt(squaredDistanceToOther[i]);
            }
        }
        return d;
    }

    /** Linear-interpolated percentile of sorted values. */
    static double percentile(double[] sorted, double q) {
        double pos = (sorted.length - 1) * q / 100;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
