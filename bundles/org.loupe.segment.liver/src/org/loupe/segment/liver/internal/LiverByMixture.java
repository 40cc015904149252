package org.loupe.segment.liver.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.loupe.api.LoupeException;
import org.loupe.api.ParameterSpec;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.image.volume.Volume;
import org.loupe.numerics.filter.SeparableVolume;
import org.loupe.numerics.regions.BinaryVolume;
import org.loupe.numerics.stats.GaussianMixture;

/**
 * The steps of {@link EmLiverSegmenter}: (1) the body, voxels above -400 HU, its largest region with holes filled;
 * (2) a histogram of the body's soft-tissue HU (-200 to 400) and a Gaussian mixture fitted to it by EM; (3) each
 * voxel's probability of the component nearest the liver's expected HU, averaged over its 3x3x3 neighbourhood (CT
 * noise would otherwise break the region up), and the voxels where it exceeds one half; (4) an opening by
 * reconstruction, erode, keep the largest region, dilate back inside the candidates, which cuts bridges to organs of
 * similar density (spleen, muscle); (5) a closing and hole filling slice by slice, which put back the vessels and
 * lesions the mixture calls something else; (6) two layers of edge voxels at least halfway from water to the liver's
 * mean, which partial volume had pulled below the mixture's cut. If the chosen component is wider than one tissue
 * (30 HU), the mixture is refitted with two and then four more components before a warning.
 */
final class LiverByMixture {

    static final List<String> NAMES = List.of("background", "liver");

    private static final double LOW = -200;
    private static final double HIGH = 400;
    private static final double BIN = 2;
    /** A component wider than this (HU) is several tissues lumped together, not the liver. */
    private static final double MAX_TISSUE_SIGMA = 30;
    /** Voxel layers the edge may grow by. */
    private static final int GROW = 2;

    private final double liverHu;
    private final int components;
    private final int opening;

    /** The settings of the method, shared by every provider that finds the liver with it. */
    static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.real("liver-hu", 100, -100, 400, "The liver's expected mean HU: about 100 in the portal "
                    + "venous phase, 55 without contrast."),
            ParameterSpec.integer("components", 8, 2, 12, 1, "Gaussian components of the mixture (more are tried "
                    + "when the liver's is not one tissue)."),
            ParameterSpec.integer("opening", 2, 0, 6, 1, "Erosions (then as many dilations) that cut the liver "
                    + "from touching organs."));

    /** The method with the settings of {@link #PARAMETERS} bound in {@code p}. */
    static LiverByMixture of(Parameters p) {
        return new LiverByMixture(p.getDouble("liver-hu"), p.getInt("components"), p.getInt("opening"));
    }

    LiverByMixture(double liverHu, int components, int opening) {
        this.liverHu = liverHu;
        this.components = components;
        this.opening = opening;
    }

    /** The mixture of {@code k} components fitted to the body's soft tissue. */
    GaussianMixture mixture(Volume v, boolean[] body, int k) throws LoupeException {
        int bins = (int) ((HIGH - LOW) / BIN);
        double[] centres = new double[bins];
        double[] counts = new double[bins];
        for (int b = 0; b < bins; b++) {
            centres[b] = LOW + (b + 0.5) * BIN;
        }
        float[] d = v.data();
        for (int p = 0; p < d.length; p++) {
            if (body[p] && d[p] >= LOW && d[p] < HIGH) {
                counts[(int) ((d[p] - LOW) / BIN)]++;
            }
        }
        if (Arrays.stream(counts).sum() == 0) {
            throw LoupeException.badInput(v.metadata().label("volume"), "holds no soft tissue (no voxel from -200 to "
                    + "400 HU inside the body): is it a CT in Hounsfield units?");
        }
        return GaussianMixture.fit(centres, counts, k, 3, 300);
    }

    /**
     * The liver found, and the tissue model that found it.
     *
     * @param mask     liver voxels
     * @param meanHu   the liver component's mean
     * @param sigmaHu  its standard deviation
     */
    record Liver(boolean[] mask, double meanHu, double sigmaHu) {
        /** As a label volume on the grid of {@code v}. */
        Volume labels(Volume v) {
            Volume out = Volume.create(v.width(), v.height(), v.depth(), v.geometry());
            float[] o = out.data();
            for (int p = 0; p < o.length; p++) {
                o[p] = mask[p] ? 1 : 0;
            }
            return out;
        }
    }

    Liver apply(Volume v, ProcessingContext ctx) throws LoupeException {
        int w = v.width();
        int h = v.height();
        int dd = v.depth();
        float[] d = v.data();
        boolean[] body = new boolean[d.length];
        for (int p = 0; p < d.length; p++) {
            body[p] = d[p] > -400;
        }
        body = BinaryVolume.fillHolesPerSlice(BinaryVolume.largestComponent(body, w, h, dd), w, h, dd);
        ctx.checkCancelled();
        ctx.progress(0.2, "EM mixture");
        GaussianMixture mix = null;
        int liver = 0;
        for (int k = components; k <= components + 4; k += 2) {
            mix = mixture(v, body, k);
            liver = mix.nearest(liverHu);
            if (mix.sigmas()[liver] <= MAX_TISSUE_SIGMA) {
                break;
            }
        }
        if (mix.sigmas()[liver] > MAX_TISSUE_SIGMA) {
            ctx.warn(String.format(Locale.ROOT, "no mixture component is one tissue near %.0f HU (nearest: "
                    + "%.0f +- %.0f HU); the liver mask may take in its neighbours", liverHu, mix.means()[liver],
                    mix.sigmas()[liver]));
        }
        ctx.progress(0.4, "liver probability");
        float[] lut = new float[(int) ((HIGH - LOW) / BIN) + 1];
        for (int b = 0; b < lut.length; b++) {
            lut[b] = (float) mix.posterior(LOW + (b + 0.5) * BIN, liver);
        }
        float[] prob = new float[d.length];
        for (int p = 0; p < d.length; p++) {
            prob[p] = body[p] && d[p] >= LOW && d[p] < HIGH ? lut[(int) ((d[p] - LOW) / BIN)] : 0;
        }
        prob = boxMean(prob, w, h, dd);
        boolean[] candidate = new boolean[d.length];
        for (int p = 0; p < d.length; p++) {
            candidate[p] = prob[p] > 0.5f;
        }
        ctx.checkCancelled();
        ctx.progress(0.6, "largest region");
        boolean[] core = BinaryVolume.largestComponent(BinaryVolume.erode(candidate, w, h, dd, opening), w, h, dd);
        boolean[] region = core;
        for (int t = 0; t < opening; t++) {
            region = BinaryVolume.dilate(region, w, h, dd, 1);
            for (int p = 0; p < region.length; p++) {
                region[p] &= candidate[p];
            }
        }
        ctx.progress(0.8, "closing and hole filling");
        boolean[] closed = BinaryVolume.erode(BinaryVolume.dilate(region, w, h, dd, 2), w, h, dd, 2);
        for (int p = 0; p < closed.length; p++) {
            closed[p] |= region[p];
        }
        boolean[] filled = BinaryVolume.fillHolesPerSlice(closed, w, h, dd);
        // the mixture leaves out the liver's edge, which partial volume pulls towards its neighbours: take back the
        // voxels next to the region that are at least halfway from water to the liver
        double edge = mix.means()[liver] / 2;
        for (int t = 0; t < GROW; t++) {
            boolean[] grown = BinaryVolume.dilate(filled, w, h, dd, 1);
            for (int p = 0; p < grown.length; p++) {
                grown[p] = filled[p] || grown[p] && body[p] && d[p] > edge;
            }
            filled = grown;
        }
        ctx.progress(1, "done");
        return new Liver(filled, mix.means()[liver], mix.sigmas()[liver]);
    }

    /** The mean over each voxel's 3x3x3 neighbourhood (2-D 3x3 for one slice), borders replicated. */
    private static float[] boxMean(float[] a, int w, int h, int d) {
        float[] box = {1 / 3f, 1 / 3f, 1 / 3f};
        return SeparableVolume.convolve(a, w, h, d, box, box, d > 1 ? box : new float[] {1});
    }
}
