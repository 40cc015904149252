package org.loupe.segment.liver.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.data.ct.CouinaudFrame;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;
import org.loupe.numerics.filter.VolumeMedian;
import org.loupe.numerics.regions.BinaryVolume;

/**
 * Estimates the Couinaud landmarks of a liver from the CT itself: contrast-filled vessels are the voxels of the
 * (3x3x3 median-filtered) liver and its rim brighter than the liver by {@code contrast} HU, but not bone or next to
 * it; the vena cava is the one vertical tube among them; the portal plane is the height where the
 * vessels spread widest (the portal branches run horizontally, the hepatic veins steeply); and the three hepatic
 * veins are the three strongest directions of the vessels around the cava above the portal plane.
 */
final class CouinaudLandmarks {

    /** Defaults used when a landmark cannot be found, in degrees around the cava (right, middle, left vein). */
    private static final double[] TYPICAL_VEINS = {25, 70, 112};
    /** Above this a voxel is bone, not contrast-filled blood. */
    private static final float BONE_HU = 350;

    private CouinaudLandmarks() {
    }

    /**
     * The landmarks.
     *
     * @param contrast how much brighter than the liver a vessel is, HU
     * @throws LoupeException CANCELLED if cancelled
     */
    static CouinaudFrame estimate(Volume v, LiverByMixture.Liver liver, double contrast, ProcessingContext ctx)
            throws LoupeException {
        int w = v.width();
        int h = v.height();
        int d = v.depth();
        Volume smooth = VolumeMedian.apply(v, 3, 3, ctx.within(0, 0.6));
        boolean[] near = BinaryVolume.dilate(liver.mask(), w, h, d, 3);
        // bone next to the liver (ribs, spine) is brighter still, and its blurred edge passes for a vessel
        boolean[] bone = new boolean[near.length];
        for (int p = 0; p < bone.length; p++) {
            bone[p] = smooth.data()[p] > BONE_HU;
        }
        bone = BinaryVolume.dilate(bone, w, h, d, 3);
        float threshold = (float) (liver.meanHu() + contrast);
        VoxelGeometry g = v.geometry();
        // vessels around the liver find the cava, which runs along its edge; the veins and portal branches are
        // looked for inside it, where no kidney or aorta can pass for them
        List<double[]> around = new ArrayList<>();
        List<double[]> vessels = new ArrayList<>();
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < h; j++) {
                for (int i = 0; i < w; i++) {
                    int p = (k * h + j) * w + i;
                    if (near[p] && !bone[p] && smooth.data()[p] > threshold && smooth.data()[p] < BONE_HU) {
                        double[] position = g.position(i, j, k);
                        around.add(position);
                        if (liver.mask()[p]) {
                            vessels.add(position);
                        }
                    }
                }
            }
        }
        ctx.checkCancelled();
        if (vessels.size() < 50) {
            ctx.warn("too few contrast-filled vessels in the liver (" + vessels.size() + " voxels) to place the "
                    + "Couinaud planes; typical positions are used");
        }
        double[] cava = refine(cava(around, g), around);
        double portalZ = portalPlane(vessels, g, cava);
        double[] veins = veins(vessels, cava, portalZ, ctx);
        return new CouinaudFrame(cava[0], cava[1], veins[0], veins[1], veins[2], portalZ);
    }

    /**
     * The cava: the vertical tube among the vessels. Counted column by column, it is the column that is vessel in
     * the most slices (hepatic veins run obliquely and portal branches flat, so their columns count a few); the
     * centroid of the columns within 80% of the best count, and the highest vessel voxel for its top.
     */
    private static double[] cava(List<double[]> vessels, VoxelGeometry g) {
        Map<Long, double[]> columns = new HashMap<>();
        double top = Double.NEGATIVE_INFINITY;
        for (double[] p : vessels) {
            long key = Math.round(p[0] / g.spacingX()) * 100_003L + Math.round(p[1] / g.spacingY());
            double[] c = columns.computeIfAbsent(key, k -> new double[] {p[0], p[1], 0});
            c[2]++;
            top = Math.max(top, p[2]);
        }
        double best = 0;
        for (double[] c : columns.values()) {
            best = Math.max(best, c[2]);
        }
        double sx = 0;
        double sy = 0;
        double n = 0;
        for (double[] c : columns.values()) {
            if (c[2] >= 0.8 * best) {
                sx += c[0] * c[2];
                sy += c[1] * c[2];
                n += c[2];
            }
        }
        return n == 0 ? new double[] {-22, 30, top} : new double[] {sx / n, sy / n, top};
    }

    /**
     * The centroid of the vessel voxels within 15 mm of a first estimate of the cava's axis: the columns that run
     * through the most slices lie on the liver's side of the tube, the whole cross-section is centred.
     */
    private static double[] refine(double[] cava, List<double[]> around) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (double[] p : around) {
            if (Math.hypot(p[0] - cava[0], p[1] - cava[1]) < 15) {
                sx += p[0];
                sy += p[1];
                n++;
            }
        }
        return n == 0 ? cava : new double[] {sx / n, sy / n, cava[2]};
    }

    /** The height where vessels away from the cava are most numerous (smoothed over three slices). */
    private static double portalPlane(List<double[]> vessels, VoxelGeometry g, double[] cava) {
        double lowest = Double.POSITIVE_INFINITY;
        for (double[] p : vessels) {
            lowest = Math.min(lowest, p[2]);
        }
        int bins = (int) Math.ceil((cava[2] - lowest) / g.spacingZ()) + 1;
        if (vessels.isEmpty() || bins < 3) {
            return cava[2] - 40;
        }
        double[] count = new double[bins];
        for (double[] p : vessels) {
            if (Math.hypot(p[0] - cava[0], p[1] - cava[1]) > 20 && p[2] < cava[2] - 15) {
                count[(int) Math.round((p[2] - lowest) / g.spacingZ())]++;
            }
        }
        int best = 1;
        double bestCount = -1;
        for (int b = 1; b < bins - 1; b++) {
            double c = count[b - 1] + count[b] + count[b + 1];
            if (c > bestCount) {
                bestCount = c;
                best = b;
            }
        }
        return lowest + best * g.spacingZ();
    }

    /** The three strongest directions of vessels 20-90 mm from the cava, above the portal plane, ascending. */
    private static double[] veins(List<double[]> vessels, double[] cava, double portalZ, ProcessingContext ctx) {
        double[] histogram = new double[180];
        for (double[] p : vessels) {
            double r = Math.hypot(p[0] - cava[0], p[1] - cava[1]);
            if (p[2] > portalZ + 10 && r > 20 && r < 90) {
                double a = Math.toDegrees(Math.atan2(-(p[1] - cava[1]), -(p[0] - cava[0])));
                histogram[Math.floorMod((int) Math.floor((a + 180) / 2), 180)]++;
            }
        }
        double[] smooth = new double[180];
        for (int b = 0; b < 180; b++) {
            for (int t = -3; t <= 3; t++) {
                smooth[b] += histogram[Math.floorMod(b + t, 180)] * Math.exp(-t * t / 4.0);
            }
        }
        double[] peaks = new double[3];
        int found = 0;
        boolean[] used = new boolean[180];
        while (found < 3) {
            int best = -1;
            for (int b = 0; b < 180; b++) {
                if (!used[b] && (best < 0 || smooth[b] > smooth[best])) {
                    best = b;
                }
            }
            if (best < 0 || smooth[best] <= 0) {
                break;
            }
            peaks[found++] = best * 2 - 180 + 1;
            // a vein is a few degrees wide: suppress 24 degrees either side before the next peak
            for (int t = -12; t <= 12; t++) {
                used[Math.floorMod(best + t, 180)] = true;
            }
        }
        if (found < 3) {
            ctx.warn("found " + found + " of the three hepatic veins; typical directions are used");
            return TYPICAL_VEINS.clone();
        }
        Arrays.sort(peaks);
        return peaks;
    }
}
