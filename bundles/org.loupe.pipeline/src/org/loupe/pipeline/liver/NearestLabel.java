package org.loupe.pipeline.liver;

import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;

/**
 * The label a segmentation gives a lesion: the label at its centre or, if the centre is unlabelled, that of the
 * nearest labelled voxel within {@link #NEAR_MM}. A lesion on the liver's surface is a bite out of its outline, and a
 * segmenter that fills only holes leaves it out; its segment is still the one around it.
 */
public final class NearestLabel {

    /** How far from the centre a label is looked for, mm. */
    public static final double NEAR_MM = 25;

    private NearestLabel() {
    }

    /** The label for a centre at voxel coordinates (i, j, k), which may lie between voxels; 0 if none is near. */
    public static int of(Volume v, double i, double j, double k) {
        int ci = (int) Math.round(i);
        int cj = (int) Math.round(j);
        int ck = (int) Math.round(k);
        if (ci >= 0 && cj >= 0 && ck >= 0 && ci < v.width() && cj < v.height() && ck < v.depth()) {
            int centre = Math.round(v.get(ci, cj, ck));
            if (centre != 0) {
                return centre;
            }
        }
        VoxelGeometry g = v.geometry();
        int ri = (int) Math.ceil(NEAR_MM / g.spacingX());
        int rj = (int) Math.ceil(NEAR_MM / g.spacingY());
        int rk = (int) Math.ceil(NEAR_MM / g.spacingZ());
        double best = NEAR_MM * NEAR_MM;
        int label = 0;
        for (int z = Math.max(0, ck - rk); z <= Math.min(v.depth() - 1, ck + rk); z++) {
            for (int y = Math.max(0, cj - rj); y <= Math.min(v.height() - 1, cj + rj); y++) {
                for (int x = Math.max(0, ci - ri); x <= Math.min(v.width() - 1, ci + ri); x++) {
                    int l = Math.round(v.get(x, y, z));
                    double dx = (x - i) * g.spacingX();
                    double dy = (y - j) * g.spacingY();
                    double dz = (z - k) * g.spacingZ();
                    double d2 = dx * dx + dy * dy + dz * dz;
                    if (l != 0 && d2 < best) {
                        best = d2;
                        label = l;
                    }
                }
            }
        }
        return label;
    }
}
