package org.loupe.metrics.segmentation;

import java.util.Arrays;

/**
 * Distances between the surfaces of two 3-D masks, in millimetres, as MedPy computes {@code hd}, {@code hd95} and
 * {@code assd}: from every surface voxel of each mask the exact Euclidean distance (voxel spacing included) to the
 * nearest surface voxel of the other; the largest, the 95th percentile and the mean of all of them. Dice and IoU
 * come with them, so one call gives the whole row of a segmentation table.
 *
 * @param dice           2|A and B| / (|A| + |B|)
 * @param iou            |A and B| / |A or B|
 * @param hausdorff      largest surface distance, mm
 * @param hausdorff95    95th percentile surface distance, mm
 * @param meanSurface    average symmetric surface distance, mm
 */
public record SurfaceDistances(double dice, double iou, double hausdorff, double hausdorff95, double meanSurface) {

    /**
     * Compares a segmentation with the truth.
     *
     * @throws IllegalArgumentException if the masks differ in size or either is empty (distances are undefined)
     */
    public static SurfaceDistances of(VolumeMask a, VolumeMask b) {
        a.requireSameGrid(b);
        long both = 0;
        long either = 0;
        long na = 0;
        long nb = 0;
        for (int i = 0; i < a.voxels().length; i++) {
            boolean x = a.voxels()[i];
            boolean y = b.voxels()[i];
            both += x && y ? 1 : 0;
            either += x || y ? 1 : 0;
            na += x ? 1 : 0;
            nb += y ? 1 : 0;
        }
        if (na == 0 || nb == 0) {
            throw new IllegalArgumentException("surface distances need a non-empty mask on both sides");
        }
        boolean[] sa = a.surface();
        boolean[] sb = b.surface();
        double[] toB = DistanceTransform.squared(sb, a.width(), a.height(), a.depth(), a.spacingX(), a.spacingY(),
                a.spacingZ());
        double[] toA = DistanceTransform.squared(sa, a.width(), a.height(), a.depth(), a.spacingX(), a.spacingY(),
                a.spacingZ());
        double[] all = new double[count(sa) + count(sb)];
        int n = 0;
        double sum = 0;
        for (int i = 0; i < sa.length; i++) {
            if (sa[i]) {
                all[n] = Math.sqrt(toB[i]);
                sum += all[n++];
            }
            if (sb[i]) {
                all[n] = Math.sqrt(toA[i]);
                sum += all[n++];
            }
        }
        Arrays.sort(all);
        return new SurfaceDistances(2.0 * both / (na + nb), (double) both / either, all[all.length - 1],
                Hausdorff.percentile(all, 95), sum / all.length);
    }

    private static int count(boolean[] m) {
        int n = 0;
        for (boolean b : m) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
