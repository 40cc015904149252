package org.loupe.metrics.segmentation;

/**
 * Overlap between a segmentation and its reference. Two empty masks agree perfectly: both measures give 1.
 */
public final class Overlap {

    private Overlap() {
    }

    /** Dice coefficient, 2 |A and B| / (|A| + |B|). */
    public static double dice(Mask a, Mask b) {
        long inter = a.intersection(b);
        long sum = a.area() + b.area();
        return sum == 0 ? 1 : 2.0 * inter / sum;
    }

    /**
     * Dice coefficient of two volumes on the same grid, overlap alone: what a trainer scores many volumes by, where
     * {@link SurfaceDistances} would also compute every surface distance.
     */
    public static double dice(VolumeMask a, VolumeMask b) {
        a.requireSameGrid(b);
        long both = 0;
        long sum = 0;
        for (int i = 0; i < a.voxels().length; i++) {
            both += a.voxels()[i] && b.voxels()[i] ? 1 : 0;
            sum += (a.voxels()[i] ? 1 : 0) + (b.voxels()[i] ? 1 : 0);
        }
        return sum == 0 ? 1 : 2.0 * both / sum;
    }

    /** Intersection over union (Jaccard index), |A and B| / |A or B|. */
    public static double iou(Mask a, Mask b) {
        long inter = a.intersection(b);
        long union = a.area() + b.area() - inter;
        return union == 0 ? 1 : inter / (double) union;
    }
}
