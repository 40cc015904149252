package org.loupe.detect.classic.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.loupe.api.Detection;
import org.loupe.image.PixelImage;
import org.loupe.numerics.regions.ConnectedComponents;
import org.loupe.numerics.regions.Morphology;
import org.loupe.numerics.stats.Otsu;

/**
 * The classical detector, after the course module's: smooth, compare with the background, threshold, join nearby
 * pieces (a closing), take connected regions, box them, and name each by its shape ({@link ShapeTree}). Also what
 * the trainer scores each grid point with, so training and detection can never differ.
 */
final class ClassicPipeline {

    /**
     * A candidate region before classification.
     *
     * @param x1 left of its box, inclusive; x2 right, exclusive (likewise y)
     */
    record Region(double x1, double y1, double x2, double y2, Shape shape) {
    }

    private ClassicPipeline() {
    }

    /** The regions that depart from their background by at least the threshold. */
    static List<Region> regions(PixelImage image, ClassicModel.Settings s) {
        Residual r = Residual.of(image, s.blur());
        int w = r.width;
        int h = r.height;
        byte[] mask = new byte[w * h];
        byte[] roi = s.object() ? object(r, s.edge()) : null;
        for (int i = 0; i < mask.length; i++) {
            mask[i] = (byte) (Math.abs(r.residual[i]) >= s.threshold() && (roi == null || roi[i] != 0) ? 1 : 0);
        }
        // a jagged crack breaks into pieces at the threshold: a closing of radius 1 joins them
        byte[] joined = Morphology.erode(Morphology.dilate(mask, w, h, 1), w, h, 1);
        int reach = s.blur() / 2 + 1;
        List<Region> out = new ArrayList<>();
        for (ConnectedComponents.Component c : ConnectedComponents.find(w, h, i -> joined[i] != 0,
                ConnectedComponents.Connectivity.EIGHT, s.minArea())) {
            int[] box = sharpBox(r, c, reach, s.threshold());
            out.add(new Region(box[0], box[1], box[2], box[3], Shape.of(c, w, r.residual)));
        }
        return out;
    }

    /**
     * The region's box on the unsmoothed image: the pixels near the region (within {@code reach}, the smoothing's
     * spread) that depart from the background, in the region's direction, by at least 30% of its strongest
     * departure, where the smoothed image departs too (which leaves out lone noise). Smoothing finds faint defects but blurs their outline; this puts the box back on the defect's
     * visible pixels.
     */
    private static int[] sharpBox(Residual r, ConnectedComponents.Component c, int reach, int threshold) {
        int w = r.width;
        double sum = 0;
        int peak = 0;
        for (int p : c.pixels()) {
            sum += r.residual[p];
            peak = Math.max(peak, Math.abs(r.raw[p]));
        }
        int sign = sum < 0 ? -1 : 1;
        int level = Math.max(1, (int) Math.ceil(0.3 * peak));
        int bx1 = Math.max(0, c.x1() - reach);
        int by1 = Math.max(0, c.y1() - reach);
        int bx2 = Math.min(w, c.x2() + reach);
        int by2 = Math.min(r.height, c.y2() + reach);
        int[] box = {c.x2(), c.y2(), c.x1(), c.y1()};
        for (int y = by1; y < by2; y++) {
            for (int x = bx1; x < bx2; x++) {
                if (sign * r.raw[y * w + x] >= level && 3 * sign * r.residual[y * w + x] >= threshold) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x + 1);
                    box[3] = Math.max(box[3], y + 1);
                }
            }
        }
        return box[2] > box[0] && box[3] > box[1] ? box : new int[] {c.x1(), c.y1(), c.x2(), c.y2()};
    }

    /** The regions named by the model's tree; those it calls no defect are left out. */
    static List<Detection> detect(PixelImage image, ClassicModel model) {
        List<Detection> found = new ArrayList<>();
        for (Region g : regions(image, model.settings())) {
            ShapeTree leaf = model.tree().classify(g.shape());
            if (!leaf.label().equals(ShapeTree.NONE)) {
                double strength = Math.min(1, g.shape().contrast() / (2.0 * model.settings().threshold()));
                found.add(new Detection(g.x1(), g.y1(), g.x2(), g.y2(), leaf.label(), leaf.purity() * strength));
            }
        }
        return found;
    }

    /**
     * The bright object on a dark stage (Otsu's threshold), its holes filled (dark defects and features are part of
     * it: only dark regions touching the image's border are stage), its rim of {@code edge} pixels removed.
     */
    private static byte[] object(Residual r, int edge) {
        int w = r.width;
        int h = r.height;
        float[] grey = new float[r.grey.length];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = r.grey[i] / 255f;
        }
        double t = Otsu.threshold(grey);
        byte[] in = new byte[grey.length];
        Arrays.fill(in, (byte) 1);
        for (ConnectedComponents.Component c : ConnectedComponents.find(w, h, i -> grey[i] <= t,
                ConnectedComponents.Connectivity.FOUR, 1)) {
            if (c.x1() == 0 || c.y1() == 0 || c.x2() == w || c.y2() == h) {
                for (int p : c.pixels()) {
                    in[p] = 0;
                }
            }
        }
        return edge > 0 ? Morphology.erode(in, w, h, edge) : in;
    }
}
