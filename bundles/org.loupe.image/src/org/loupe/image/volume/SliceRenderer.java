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
