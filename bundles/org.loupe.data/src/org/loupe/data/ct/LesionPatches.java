package org.loupe.data.ct;

import java.util.Locale;
import org.loupe.image.GrayF32;
import org.loupe.image.ImageMetadata;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;

/**
 * The square axial patch a lesion classifier sees of a candidate: centred on it, on the slice where it is largest,
 * its field of view grown with the candidate (twice its diameter plus a margin, so that the rim and the liver around
 * it are in view whatever its size) and resampled to {@link #SIDE} pixels. Values stay Hounsfield units.
 */
public final class LesionPatches {

    /** Pixels along each side of a patch. */
    public static final int SIDE = 32;
    /** Smallest field of view, mm. */
    public static final double MIN_FOV_MM = 24;
    /** Largest field of view, mm. */
    public static final double MAX_FOV_MM = 96;

    private LesionPatches() {
    }

    /** The field of view, mm, of a candidate of the given in-plane diameter. */
    public static double fieldOfView(double diameterMm) {
        return Math.max(MIN_FOV_MM, Math.min(MAX_FOV_MM, 2 * diameterMm + 8));
    }

    /** The patch of {@code c}, named {@code name}, by bilinear interpolation (the CT's edge repeated beyond it). */
    public static GrayF32 cut(Volume ct, LesionCandidates.Candidate c, String name) {
        return cut(ct, c, c.slice(), name);
    }

    /** The patch of {@code c} on another axial slice (clamped to the volume): more views of one lesion to train on. */
    public static GrayF32 cut(Volume ct, LesionCandidates.Candidate c, int slice, String name) {
        int k = Math.max(0, Math.min(ct.depth() - 1, slice));
        VoxelGeometry g = ct.geometry();
        double fov = fieldOfView(c.diameterMm());
        double[] centre = c.centre();
        float[] out = new float[SIDE * SIDE];
        for (int v = 0; v < SIDE; v++) {
            double y = centre[1] + ((v + 0.5) / SIDE - 0.5) * fov / g.spacingY();
            for (int u = 0; u < SIDE; u++) {
                double x = centre[0] + ((u + 0.5) / SIDE - 0.5) * fov / g.spacingX();
                out[v * SIDE + u] = (float) bilinear(ct, x, y, k);
            }
        }
        ImageMetadata m = ImageMetadata.builder().name(name).property("unit", "HU")
                .property("fieldOfViewMm", String.format(Locale.ROOT, "%.1f", fov)).build();
        return GrayF32.wrap(out, SIDE, SIDE, 0, SIDE, m);
    }

    private static double bilinear(Volume v, double x, double y, int k) {
        double cx = Math.max(0, Math.min(v.width() - 1, x));
        double cy = Math.max(0, Math.min(v.height() - 1, y));
        int i = (int) Math.min(v.width() - 2, Math.floor(cx));
        int j = (int) Math.min(v.height() - 2, Math.floor(cy));
        i = Math.max(0, i);
        j = Math.max(0, j);
        double fx = cx - i;
        double fy = cy - j;
        int i1 = Math.min(v.width() - 1, i + 1);
        int j1 = Math.min(v.height() - 1, j + 1);
        return (1 - fy) * ((1 - fx) * v.get(i, j, k) + fx * v.get(i1, j, k))
                + fy * ((1 - fx) * v.get(i, j1, k) + fx * v.get(i1, j1, k));
    }
}
