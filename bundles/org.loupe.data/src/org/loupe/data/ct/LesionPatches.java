package org.loupe.data.ct;

import java.util.Locale;
import org.loupe.image.GrayF32;
import org.loupe.image.ImageMetadata;
import org.loupe.image.PlanarF32;
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
    /** Slices in the stacks the liver stages hand a lesion classifier: a candidate's largest and one either side. */
    public static final int STACK_SLICES = 3;
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

    /**
     * The patches of {@code c} on {@code slices} neighbouring axial slices centred on its largest (an odd number; the
     * volume's edge slice repeated beyond it), one band per slice from the top: what a classifier that reads a
     * lesion's depth as well as its section sees. On low-dose CT the neighbouring slices hold as much signal again as
     * the central one, against noise that is independent between them.
     */
    public static PlanarF32 stack(Volume ct, LesionCandidates.Candidate c, int slices, String name) {
        if (slices < 1 || slices % 2 == 0) {
            throw new IllegalArgumentException("a patch stack has an odd number of slices, not " + slices);
        }
        float[][] bands = new float[slices][];
        GrayF32 centre = null;
        for (int b = 0; b < slices; b++) {
            GrayF32 one = cut(ct, c, c.slice() + b - slices / 2, name);
            bands[b] = one.data();
            centre = b == slices / 2 ? one : centre;
        }
        return PlanarF32.wrap(SIDE, SIDE, bands).withMetadata(centre.metadata());
    }

    /**
     * Draws a map made on {@code c}'s patch (such as a heat map) back onto the candidate's slice of {@code target},
     * where the patch was cut: each voxel inside the field of view takes the map's nearest value, keeping the larger
     * where maps of neighbouring candidates overlap. The inverse of {@link #cut(Volume, LesionCandidates.Candidate,
     * String)}, so that an explanation can be shown over the CT it explains.
     */
    public static void place(Volume target, LesionCandidates.Candidate c, GrayF32 map) {
        if (map.width() != SIDE || map.height() != SIDE) {
            throw new IllegalArgumentException("a patch map is " + SIDE + "x" + SIDE + ", not " + map.width() + "x"
                    + map.height());
        }
        VoxelGeometry g = target.geometry();
        double fov = fieldOfView(c.diameterMm());
        double[] centre = c.centre();
        double halfX = fov / g.spacingX() / 2;
        double halfY = fov / g.spacingY() / 2;
        int k = Math.max(0, Math.min(target.depth() - 1, c.slice()));
        int i0 = Math.max(0, (int) Math.ceil(centre[0] - halfX));
        int i1 = Math.min(target.width() - 1, (int) Math.floor(centre[0] + halfX));
        int j0 = Math.max(0, (int) Math.ceil(centre[1] - halfY));
        int j1 = Math.min(target.height() - 1, (int) Math.floor(centre[1] + halfY));
        for (int j = j0; j <= j1; j++) {
            int v = patchIndex(j, centre[1], halfY);
            for (int i = i0; i <= i1; i++) {
                float value = map.get(patchIndex(i, centre[0], halfX), v);
                if (value > target.get(i, j, k)) {
                    target.set(i, j, k, value);
                }
            }
        }
    }

    /**
     * The patch pixel holding volume index {@code index}: {@code cut} samples pixel u at
     * centre + ((u + 0.5) / SIDE - 0.5) * 2 * half.
     */
    private static int patchIndex(int index, double centre, double half) {
        int u = (int) Math.floor(((index - centre) / (2 * half) + 0.5) * SIDE);
        return Math.max(0, Math.min(SIDE - 1, u));
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
