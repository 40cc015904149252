package org.loupe.image.volume;

/** The three planes a volume is cut into for viewing, named as radiologists name them. */
public enum Plane {
    /** Across the body at one height: a slice of constant z (index k), rows j, columns i. */
    AXIAL,
    /** Front to back at one depth: constant row j; rows are slices k, columns i. */
    CORONAL,
    /** Left to right at one position: constant column i; rows are slices k, columns j. */
    SAGITTAL;

    /**
     * The voxel (i, j, k) that pixel (x, y) of slice {@code index} of this plane shows, as {@link Volume#slice} cuts
     * it.
     */
    public int[] voxel(int index, int x, int y) {
        return switch (this) {
            case AXIAL -> new int[] {x, y, index};
            case CORONAL -> new int[] {x, index, y};
            case SAGITTAL -> new int[] {index, x, y};
        };
    }

    /** The width and height in mm of this plane's slice pixels. */
    public double[] pixelSize(VoxelGeometry g) {
        return switch (this) {
            case AXIAL -> new double[] {g.spacingX(), g.spacingY()};
            case CORONAL -> new double[] {g.spacingX(), g.spacingZ()};
            case SAGITTAL -> new double[] {g.spacingY(), g.spacingZ()};
        };
    }

    /**
     * Whether a viewer shows this plane's slice rows bottom to top, so that the head is up: coronal and sagittal
     * rows are slices, which usually run from the feet towards the head (the slice axis points to the head, z > 0).
     */
    public boolean shownBottomUp(VoxelGeometry g) {
        return this != AXIAL && g.direction()[8] > 0;
    }
}
