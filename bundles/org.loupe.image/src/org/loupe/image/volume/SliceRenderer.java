package org.loupe.image.volume;

import java.util.List;
import org.loupe.image.GrayF32;
import org.loupe.image.RgbU8;
import org.loupe.image.WindowLevel;

/**
 * Draws one slice of a CT as a viewer shows it: the HU through a display window, then each overlay over it. Label
 * regions are tinted and their outlines drawn solid, so that a mask never hides the tissue under it; heat is blended
 * in more strongly where it is hotter. One opacity scales every overlay.
 */
public final class SliceRenderer {

    /** How strongly a label region's inside is tinted, relative to its outline. */
    private static final double FILL = 0.3;

    private SliceRenderer() {
    }

    /**
     * The slice {@code index} of {@code plane}, in colour, the slice's own pixel size (see {@link Volume#slice}).
     *
     * @param opacity 0 shows the CT alone, 1 draws outlines solid
     * @throws IllegalArgumentException for an overlay on another grid
     */
    public static RgbU8 render(Volume ct, Plane plane, int index, WindowLevel window, List<SliceOverlay> overlays,
            double opacity) {
        GrayF32 grey = ct.slice(plane, index);
        int w = grey.width();
        int h = grey.height();
        RgbU8 out = RgbU8.create(w, h);
        byte[] rgb = out.data();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = window.map(grey.get(x, y));
                int p = 3 * (y * w + x);
                rgb[p] = (byte) v;
                rgb[p + 1] = (byte) v;
                rgb[p + 2] = (byte) v;
            }
        }
        double alpha = Math.max(0, Math.min(1, opacity));
        for (SliceOverlay o : overlays) {
            if (!o.fits(ct)) {
                throw new IllegalArgumentException(o.name() + " is " + o.values().width() + "x" + o.values().height()
                        + "x" + o.values().depth() + ", the CT " + ct.width() + "x" + ct.height() + "x" + ct.depth());
            }
            GrayF32 values = o.values().slice(plane, index);
            if (o.heat()) {
                heat(rgb, values, alpha);
            } else {
                labels(rgb, values, o, alpha);
            }
        }
        return out;
    }

    /**
     * A label's caption placed on a slice.
     *
     * @param x    column of the label's centroid on the slice
     * @param y    row of the label's centroid on the slice
     * @param label  the label
     * @param pixels how many pixels of the slice carry it
     * @param text   the overlay's caption for the label
     */
    public record Caption(double x, double y, int label, int pixels, String text) {
    }

    /** The captions of the labels {@code o} draws that cross slice {@code index} of {@code plane}, by label. */
    public static List<Caption> captions(SliceOverlay o, Plane plane, int index) {
        GrayF32 values = o.values().slice(plane, index);
        java.util.TreeMap<Integer, double[]> sums = new java.util.TreeMap<>();
        for (int y = 0; y < values.height(); y++) {
            for (int x = 0; x < values.width(); x++) {
                int label = Math.round(values.get(x, y));
                if (label != 0 && !o.heat()) {
                    double[] sum = sums.computeIfAbsent(label, l -> new double[3]);
                    sum[0] += x;
                    sum[1] += y;
                    sum[2]++;
                }
            }
        }
        List<Caption> out = new java.util.ArrayList<>();
        sums.forEach((label, sum) -> {
            if (o.colours().apply(label) != null) {
                out.add(new Caption(sum[0] / sum[2], sum[1] / sum[2], label, (int) sum[2],
                        o.captions().apply(label)));
            }
        });
        return out;
    }

    /**
     * For each label {@code o} draws, the axial slice where it is largest: where a viewer jumps to show a lesion.
     * Ordered by label.
     */
    public static java.util.SortedMap<Integer, Integer> largestAxialSections(SliceOverlay o) {
        Volume v = o.values();
        java.util.TreeMap<Integer, int[]> best = new java.util.TreeMap<>();
        int plane = v.width() * v.height();
        for (int k = 0; k < v.depth(); k++) {
            java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
            for (int p = k * plane; p < (k + 1) * plane; p++) {
                int label = o.heat() ? 0 : Math.round(v.data()[p]);
                if (label != 0) {
                    counts.merge(label, 1, Integer::sum);
                }
            }
            int slice = k;
            counts.forEach((label, n) -> {
                int[] b = best.computeIfAbsent(label, l -> new int[] {-1, 0});
                if (n > b[1]) {
                    b[0] = slice;
                    b[1] = n;
                }
            });
        }
        java.util.TreeMap<Integer, Integer> out = new java.util.TreeMap<>();
        best.forEach((label, b) -> {
            if (o.colours().apply(label) != null) {
                out.put(label, b[0]);
            }
        });
        return out;
    }

    /**
     * What a viewer's read-out says of voxel (i, j, k): its indices, position in mm, HU, and what each overlay holds
     * there (labels by caption, heat by value; nothing for background).
     */
    public static String readout(Volume ct, List<SliceOverlay> overlays, int i, int j, int k) {
        double[] mm = ct.geometry().position(i, j, k);
        StringBuilder s = new StringBuilder(String.format(java.util.Locale.ROOT,
                "voxel %d, %d, %d at %.1f, %.1f, %.1f mm: %.0f HU", i, j, k, mm[0], mm[1], mm[2], ct.get(i, j, k)));
        for (SliceOverlay o : overlays) {
            float v = o.fits(ct) ? o.values().get(i, j, k) : 0;
            if (v != 0) {
                s.append("; ").append(o.name()).append(' ').append(o.heat() ? String.format(java.util.Locale.ROOT,
                        "%.2f", v) : o.captions().apply(Math.round(v)));
            }
        }
        return s.toString();
    }

    private static void heat(byte[] rgb, GrayF32 values, double alpha) {
        int w = values.width();
        for (int y = 0; y < values.height(); y++) {
            for (int x = 0; x < w; x++) {
                double v = Math.max(0, Math.min(1, values.get(x, y)));
                if (v > 0) {
                    blend(rgb, 3 * (y * w + x), hot(v),
                            alpha * (0.25 + 0.6 * v));
                }
            }
        }
    }

    private static void labels(byte[] rgb, GrayF32 values, SliceOverlay o, double alpha) {
        int w = values.width();
        int h = values.height();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int label = Math.round(values.get(x, y));
                int[] colour = label == 0 ? null : o.colours().apply(label);
                if (colour != null) {
                    boolean edge = x == 0 || y == 0 || x == w - 1 || y == h - 1
                            || Math.round(values.get(x - 1, y)) != label || Math.round(values.get(x + 1, y)) != label
                            || Math.round(values.get(x, y - 1)) != label || Math.round(values.get(x, y + 1)) != label;
                    blend(rgb, 3 * (y * w + x), colour, edge ? alpha : alpha * FILL);
                }
            }
        }
    }

    private static void blend(byte[] rgb, int p, int[] colour, double a) {
        for (int c = 0; c < 3; c++) {
            rgb[p + c] = (byte) Math.round((1 - a) * (rgb[p + c] & 255) + a * colour[c]);
        }
    }

    /** The "hot" colour of a heat value in [0, 1]: black, red, yellow, white as it rises through three thirds. */
    public static int[] hot(double v) {
        return new int[] {channel(3 * v), channel(3 * v - 1), channel(3 * v - 2)};
    }

    private static int channel(double t) {
        return (int) Math.round(255 * Math.max(0, Math.min(1, t)));
    }
}
