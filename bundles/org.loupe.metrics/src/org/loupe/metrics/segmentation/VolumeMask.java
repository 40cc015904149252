package org.loupe.metrics.segmentation;

import org.loupe.image.volume.Volume;

/**
 * A 3-D binary mask with its voxel size, for segmentation measures in millimetres. Voxel (i, j, k) is at
 * {@code (k * height + j) * width + i}, as in {@link Volume}.
 *
 * @param voxels true inside
 */
public record VolumeMask(boolean[] voxels, int width, int height, int depth, double spacingX, double spacingY,
        double spacingZ) {

    /** Checks the sizes. */
    public VolumeMask {
        if (voxels.length != (long) width * height * depth) {
            throw new IllegalArgumentException("mask of " + voxels.length + " voxels for " + width + "x" + height + "x"
                    + depth);
        }
    }

    /** The voxels of a label volume that carry {@code label}, with its spacing. */
    public static VolumeMask of(Volume v, int label) {
        float[] d = v.data();
        boolean[] m = new boolean[d.length];
        for (int i = 0; i < d.length; i++) {
            m[i] = Math.round(d[i]) == label;
        }
        return new VolumeMask(m, v.width(), v.height(), v.depth(), v.geometry().spacingX(), v.geometry().spacingY(),
                v.geometry().spacingZ());
    }

    /** The voxels of a volume that are not zero. */
    public static VolumeMask nonZero(Volume v) {
        float[] d = v.data();
        boolean[] m = new boolean[d.length];
        for (int i = 0; i < d.length; i++) {
            m[i] = d[i] != 0;
        }
        return new VolumeMask(m, v.width(), v.height(), v.depth(), v.geometry().spacingX(), v.geometry().spacingY(),
                v.geometry().spacingZ());
    }

    /** Voxels inside. */
    public long count() {
        long n = 0;
        for (boolean b : voxels) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** The surface: voxels inside with a face neighbour outside the mask or the grid. */
    public boolean[] surface() {
        boolean[] s = new boolean[voxels.length];
        for (int k = 0; k < depth; k++) {
            for (int j = 0; j < height; j++) {
                for (int i = 0; i < width; i++) {
                    int p = (k * height + j) * width + i;
                    s[p] = voxels[p] && (!in(i - 1, j, k) || !in(i + 1, j, k) || !in(i, j - 1, k) || !in(i, j + 1, k)
                            || depth > 1 && (!in(i, j, k - 1) || !in(i, j, k + 1)));
                }
            }
        }
        return s;
    }

    private boolean in(int i, int j, int k) {
        return i >= 0 && j >= 0 && k >= 0 && i < width && j < height && k < depth
                && voxels[(k * height + j) * width + i];
    }

    void requireSameGrid(VolumeMask o) {
        if (o.width != width || o.height != height || o.depth != depth) {
            throw new IllegalArgumentException("masks differ in size: " + width + "x" + height + "x" + depth + " and "
                    + o.width + "x" + o.height + "x" + o.depth);
        }
    }
}
