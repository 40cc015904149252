package org.loupe.data.ct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;
import org.loupe.numerics.filter.SeparableVolume;
import org.loupe.numerics.regions.BinaryVolume;

/**
 * The candidate stage of the liver pipeline: regions inside a liver mask darker than the liver around them, where a
 * metastasis or a cyst may be. The liver's own level is the median of the mask's voxels; the CT is smoothed within
 * the mask only (a normalised convolution, so fat outside does not darken the liver's edge), and connected regions
 * more than {@link #CONTRAST} HU below that level, whose darkest voxel is at least {@link #DEPTH} HU below it, are
 * the candidates; both thresholds grow with the smoothed liver's spread (2.5 and 3.0 times it), so that noise at a
 * low dose does not flood the classifier with thousands of specks. A region with several such cores is split between
 * them (each voxel goes to the core it is nearest to inside the region). Deliberately permissive: the classifier, not
 * this stage, tells a tumour from noise, a vessel's shadow or a cyst, and a lesion missed here is missed for good.
 * Shared by the patch data set that trains the classifier and by the pipeline that applies it, so both see the same
 * candidates.
 */
public final class LesionCandidates {

    /** How far below the liver's median HU a smoothed voxel must at least be to belong to a candidate. */
    public static final double CONTRAST = 20;
    /**
     * How far below the liver's level a candidate's darkest smoothed voxel must reach: a second, stricter
     * threshold (hysteresis), which noise at a low dose rarely crosses and a lesion's core does.
     */
    public static final double DEPTH = 22;
    /** Bites out of the liver's outline up to twice this wide (mm) are searched too. */
    public static final double BAY_MM = 12;
    /** Voxels below this HU are fat (or air), never part of a lesion. */
    public static final double FAT_HU = -30;
    /**
     * Candidates smaller than this (mm³) are dropped. At a low dose the dark core of a 10-12 mm metastasis, whose
     * mean HU is the liver's, can be a region of 5-30 mm³ (30 until 2026-12-07; the candidates per case tripled and
     * the classifier retrained on them keeps the false calls down: docs/MODELS.md).
     */
    public static final double MIN_VOLUME_MM3 = 5;
    /**
     * The in-plane smoothing (Gaussian sigma, mm) before the thresholds. 1.0 mm keeps the dark core of a 10-13 mm
     * tumour at a low dose that 1.5 mm blurred away (chosen on low-dose validation phantoms with the classifier
     * retrained on its candidates; docs/MODELS.md).
     */
    private static final double SMOOTH_MM = 1.0;

    /**
     * One candidate region.
     *
     * @param id         1-based, its value in {@link Found#labels()}
     * @param voxels     voxel count
     * @param centre     centroid in voxel coordinates (i, j, k)
     * @param volumeMm3  volume
     * @param diameterMm largest in-plane extent over its slices (what a radiologist measures on an axial slice)
     * @param slice      the axial slice where it is largest
     * @param meanHu     mean HU of its voxels in the unsmoothed CT
     * @param depthHu    how far its darkest voxel, smoothed, lies below the liver's level
     */
    public record Candidate(int id, int voxels, double[] centre, double volumeMm3, double diameterMm, int slice,
            double meanHu, double depthHu) {

        /** Copies the centre. */
        public Candidate {
            centre = centre.clone();
        }

        @Override
        public double[] centre() {
            return centre.clone();
        }
    }

    /**
     * The candidates of one volume.
     *
     * @param candidates by id
     * @param labels     each candidate's id at its voxels, 0 elsewhere, on the CT's grid
     * @param liverHu    the liver's median HU the contrast is measured from
     * @param spreadHu   the robust standard deviation of the smoothed liver (noise and texture) the thresholds grew
     *                   with
     */
    public record Found(List<Candidate> candidates, Volume labels, double liverHu, double spreadHu) {
    }

    private LesionCandidates() {
    }

    /**
     * Finds the candidates of {@code ct} (Hounsfield units) inside {@code liver} (non-zero voxels are liver).
     *
     * @throws LoupeException INPUT if the two volumes differ in size; CANCELLED
     */
    public static Found find(Volume ct, Volume liver, ProcessingContext ctx) throws LoupeException {
        int w = ct.width();
        int h = ct.height();
        int d = ct.depth();
        if (liver.width() != w || liver.height() != h || liver.depth() != d) {
            throw LoupeException.badInput(liver.metadata().label("the liver mask"), "is " + liver.width() + "x"
                    + liver.height() + "x" + liver.depth() + " but the CT is " + w + "x" + h + "x" + d);
        }
        float[] hu = ct.data();
        boolean[] liverMask = new boolean[hu.length];
        for (int p = 0; p < hu.length; p++) {
            liverMask[p] = liver.data()[p] != 0;
        }
        double level = median(hu, liverMask);
        if (Double.isNaN(level)) {
            return new Found(List.of(), Volume.create(w, h, d, ct.geometry()), Double.NaN, Double.NaN);
        }
        ctx.checkCancelled();
        VoxelGeometry g = ct.geometry();
        // a segmenter that fills holes leaves out a lesion on the liver's surface, a bite out of its outline: close
        // the bites, then leave fat out (it is darker than any lesion, and would darken the smoothing)
        boolean[] closed = BinaryVolume.closeInPlane(liverMask, w, h, d, (int) Math.round(BAY_MM / g.spacingX()));
        boolean[] inside = new boolean[hu.length];
        float[] masked = new float[hu.length];
        float[] weight = new float[hu.length];
        for (int p = 0; p < hu.length; p++) {
            inside[p] = closed[p] && hu[p] > FAT_HU;
            masked[p] = inside[p] ? hu[p] : 0;
            weight[p] = inside[p] ? 1 : 0;
        }
        // a millimetre in plane and half a slice across: enough to quiet the noise, too little to erase a 5 mm lesion
        float[] kxy = SeparableVolume.gaussian(SMOOTH_MM / g.spacingX());
        float[] kz = SeparableVolume.gaussian(0.5);
        float[] num = SeparableVolume.convolve(masked, w, h, d, kxy, kxy, kz);
        float[] den = SeparableVolume.convolve(weight, w, h, d, kxy, kxy, kz);
        ctx.checkCancelled();
        float[] smooth = new float[hu.length];
        for (int p = 0; p < hu.length; p++) {
            smooth[p] = den[p] > 0.2f ? num[p] / den[p] : Float.NaN;
        }
        double spread = robustSpread(smooth, BinaryVolume.erode(liverMask, w, h, d, 1), level);
        double contrast = Math.max(CONTRAST, 2.5 * spread);
        double depth = Math.max(DEPTH, 3.0 * spread);
        // the outermost voxel of the region is part fat (partial volume): not evidence of a lesion
        boolean[] core = BinaryVolume.erode(inside, w, h, d, 1);
        boolean[] dark = new boolean[hu.length];
        boolean[] deep = new boolean[hu.length];
        for (int p = 0; p < hu.length; p++) {
            dark[p] = core[p] && smooth[p] < level - contrast;
            deep[p] = dark[p] && smooth[p] < level - depth;
        }
        // each deep core grows its own region: a lesion joined to a dark bay of the outline by a few shallow voxels
        // stays a candidate of its own, instead of a merged region whose largest slice may not hold the lesion
        int[] cores = BinaryVolume.components(deep, w, h, d);
        return regions(BinaryVolume.grow(cores, dark, w, h, d), ct, smooth, level, spread);
    }

    /** Describes each component, drops the small ones and numbers the rest 1, 2, ... in memory order. */
    private static Found regions(int[] component, Volume ct, float[] smooth, double level, double spread) {
        int w = ct.width();
        int h = ct.height();
        int d = ct.depth();
        VoxelGeometry g = ct.geometry();
        int n = Arrays.stream(component).max().orElse(0);
        long[] count = new long[n + 1];
        float[] darkest = new float[n + 1];
        Arrays.fill(darkest, Float.MAX_VALUE);
        double[][] sum = new double[n + 1][4];
        // per component and slice: the in-plane bounding box, for the largest extent on an axial slice
        int[][] box = new int[(n + 1) * d][];
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < h; j++) {
                for (int i = 0; i < w; i++) {
                    int p = (k * h + j) * w + i;
                    int c = component[p];
                    if (c == 0) {
                        continue;
                    }
                    count[c]++;
                    darkest[c] = Math.min(darkest[c], smooth[p]);
                    sum[c][0] += i;
                    sum[c][1] += j;
                    sum[c][2] += k;
                    sum[c][3] += ct.data()[p];
                    int[] b = box[c * d + k];
                    if (b == null) {
                        box[c * d + k] = new int[] {i, j, i, j, 1};
                    } else {
                        b[0] = Math.min(b[0], i);
                        b[1] = Math.min(b[1], j);
                        b[2] = Math.max(b[2], i);
                        b[3] = Math.max(b[3], j);
                        b[4]++;
                    }
                }
            }
        }
        double voxelMm3 = g.voxelVolume();
        int[] renumber = new int[n + 1];
        List<Candidate> out = new ArrayList<>();
        for (int c = 1; c <= n; c++) {
            // every region grew from a core past the depth threshold, so only its size can drop it
            if (count[c] * voxelMm3 < MIN_VOLUME_MM3) {
                continue;
            }
            double extent = 0;
            int slice = 0;
            int area = -1;
            for (int k = 0; k < d; k++) {
                int[] b = box[c * d + k];
                if (b == null) {
                    continue;
                }
                extent = Math.max(extent, Math.hypot((b[2] - b[0] + 1) * g.spacingX(), (b[3] - b[1] + 1)
                        * g.spacingY()) / Math.sqrt(2));
                if (b[4] > area) {
                    area = b[4];
                    slice = k;
                }
            }
            renumber[c] = out.size() + 1;
            double m = count[c];
            out.add(new Candidate(out.size() + 1, (int) count[c], new double[] {sum[c][0] / m, sum[c][1] / m,
                sum[c][2] / m}, m * voxelMm3, extent, slice, sum[c][3] / m, level - darkest[c]));
        }
        Volume labels = Volume.create(w, h, d, g);
        for (int p = 0; p < component.length; p++) {
            labels.data()[p] = renumber[component[p]];
        }
        return new Found(out, labels, level, spread);
    }

    /**
     * The truth each candidate stands for: the id of the lesion in {@code tumours} (a lesion-id volume, as the
     * phantoms' {@code tumours.nii.gz}) that holds most of its voxels, if it holds at least a third of them; else 0,
     * a candidate that is no lesion.
     */
    public static int[] truth(Found found, Volume tumours) {
        int n = found.candidates().size();
        Map<Long, Integer> overlap = new HashMap<>();
        float[] c = found.labels().data();
        float[] t = tumours.data();
        for (int p = 0; p < c.length; p++) {
            if (c[p] != 0 && t[p] != 0) {
                overlap.merge((long) c[p] << 32 | (long) t[p], 1, Integer::sum);
            }
        }
        int[] best = new int[n + 1];
        int[] most = new int[n + 1];
        overlap.forEach((key, count) -> {
            int cand = (int) (key >>> 32);
            if (count > most[cand]) {
                most[cand] = count;
                best[cand] = (int) (key & 0xffffffffL);
            }
        });
        int[] out = new int[n];
        for (LesionCandidates.Candidate cand : found.candidates()) {
            out[cand.id() - 1] = 3 * most[cand.id()] >= cand.voxels() ? best[cand.id()] : 0;
        }
        return out;
    }

    /** 1.4826 times the median absolute deviation from {@code level}: the standard deviation, were it normal. */
    private static double robustSpread(float[] v, boolean[] inside, double level) {
        float[] dev = new float[v.length];
        for (int p = 0; p < v.length; p++) {
            dev[p] = (float) Math.abs(v[p] - level);
        }
        double mad = median(dev, inside);
        return Double.isNaN(mad) ? 0 : 1.4826 * mad;
    }

    /** The median of the samples where {@code inside} holds; NaN if there are none. */
    static double median(float[] v, boolean[] inside) {
        int n = 0;
        for (boolean b : inside) {
            n += b ? 1 : 0;
        }
        if (n == 0) {
            return Double.NaN;
        }
        float[] s = new float[n];
        int t = 0;
        for (int p = 0; p < v.length; p++) {
            if (inside[p]) {
                s[t++] = v[p];
            }
        }
        Arrays.sort(s);
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
