package org.loupe.image.volume;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where a volume's voxels lie in the patient: voxel spacing in millimetres, the position of the first voxel's centre
 * and the directions of the three index axes, in DICOM's patient coordinates (LPS: x to the patient's left, y to the
 * back, z to the head). A voxel (i, j, k) lies at {@code origin + i * sx * u + j * sy * v + k * sz * w}.
 *
 * @param spacingX  millimetres between columns
 * @param spacingY  millimetres between rows
 * @param spacingZ  millimetres between slices
 * @param origin    centre of voxel (0, 0, 0), three values
 * @param direction unit vectors u, v, w of the column, row and slice axes, nine values (u then v then w)
 */
public record VoxelGeometry(double spacingX, double spacingY, double spacingZ, double[] origin, double[] direction) {

    /** One-millimetre voxels at the origin, axes along x, y and z. */
    public static final VoxelGeometry UNIT = of(1, 1, 1);

    /** Rejects non-positive spacings and arrays of the wrong length; copies the arrays. */
    public VoxelGeometry {
        if (!(spacingX > 0) || !(spacingY > 0) || !(spacingZ > 0) || !Double.isFinite(spacingX * spacingY * spacingZ)) {
            throw new IllegalArgumentException("voxel spacing must be positive and finite: " + spacingX + " x "
                    + spacingY + " x " + spacingZ);
        }
        if (origin.length != 3 || direction.length != 9) {
            throw new IllegalArgumentException("origin needs 3 values and direction 9");
        }
        origin = origin.clone();
        direction = direction.clone();
    }

    /** Axis-aligned voxels of the given spacing at the origin. */
    public static VoxelGeometry of(double spacingX, double spacingY, double spacingZ) {
        return new VoxelGeometry(spacingX, spacingY, spacingZ, new double[3], new double[] {1, 0, 0, 0, 1, 0, 0, 0,
            1});
    }

    /** The centre of voxel (i, j, k) in patient coordinates (mm). */
    public double[] position(double i, double j, double k) {
        double[] p = origin.clone();
        for (int a = 0; a < 3; a++) {
            p[a] += i * spacingX * direction[a] + j * spacingY * direction[3 + a] + k * spacingZ * direction[6 + a];
        }
        return p;
    }

    /** The volume of one voxel in cubic millimetres. */
    public double voxelVolume() {
        return spacingX * spacingY * spacingZ;
    }

    @Override
    public double[] origin() {
        return origin.clone();
    }

    @Override
    public double[] direction() {
        return direction.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VoxelGeometry g && spacingX == g.spacingX && spacingY == g.spacingY
                && spacingZ == g.spacingZ && Arrays.equals(origin, g.origin) && Arrays.equals(direction, g.direction);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[] {spacingX, spacingY, spacingZ}) * 31 * 31 + Arrays.hashCode(origin) * 31
                + Arrays.hashCode(direction);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4g x %.4g x %.4g mm at %s, axes %s", spacingX, spacingY,
                spacingZ, Arrays.toString(origin), Arrays.toString(direction));
    }
}
