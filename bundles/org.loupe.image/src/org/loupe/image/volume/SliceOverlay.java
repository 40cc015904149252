package org.loupe.image.volume;

import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A volume shown over a CT on the same voxel grid: a label map (a segmentation, candidate regions) drawn as tinted
 * regions with their outlines, or a heat map with values in [0, 1] (a saliency map) drawn in the "hot" colours.
 *
 * @param name    what a viewer lists it as
 * @param values  labels (whole numbers, 0 is background) or heat (0 to 1)
 * @param heat    whether the values are heat rather than labels
 * @param colours  a label's red, green and blue, or null to leave that label undrawn; unused for heat
 * @param captions what a label means ("segment 7", "tumour 0.97, 18 mm"), for read-outs and labels on the slice
 */
public record SliceOverlay(String name, Volume values, boolean heat, IntFunction<int[]> colours,
        IntFunction<String> captions) {

    /** Checks the parts. */
    public SliceOverlay {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(colours, "colours");
        Objects.requireNonNull(captions, "captions");
    }

    /** A label map, each label in its own colour from a fixed palette and captioned by its number. */
    public static SliceOverlay labels(String name, Volume values) {
        return labels(name, values, SliceOverlay::palette, String::valueOf);
    }

    /** A label map coloured and captioned by the caller, which may leave labels undrawn. */
    public static SliceOverlay labels(String name, Volume values, IntFunction<int[]> colours,
            IntFunction<String> captions) {
        return new SliceOverlay(name, values, false, colours, captions);
    }

    /** A heat map. */
    public static SliceOverlay heat(String name, Volume values) {
        return new SliceOverlay(name, values, true, label -> null, String::valueOf);
    }

    /**
     * A map read from a file, taken as heat when any value is fractional or outside whole labels, else as labels:
     * segmentations are whole numbers, saliency maps are not.
     */
    public static SliceOverlay guess(String name, Volume values) {
        for (float v : values.data()) {
            if (v != Math.rint(v) || v < 0) {
                return heat(name, values);
            }
        }
        return labels(name, values);
    }

    /** Whether it lies on {@code ct}'s grid. */
    public boolean fits(Volume ct) {
        return values.width() == ct.width() && values.height() == ct.height() && values.depth() == ct.depth();
    }

    /**
     * Distinct colours for labels 1, 2, ...: the liver's 1 is green, Couinaud's eight segments and candidate ids
     * cycle through twelve further colours that avoid grey.
     */
    public static int[] palette(int label) {
        return label <= 0 ? null : WHEEL[(label - 1) % WHEEL.length].clone();
    }

    private static final int[][] WHEEL = {{60, 220, 90}, {255, 80, 80}, {80, 160, 255}, {255, 200, 40},
        {200, 90, 255}, {40, 220, 220}, {255, 140, 30}, {255, 90, 200}, {150, 255, 60}, {120, 120, 255},
        {255, 255, 120}, {0, 180, 140}, {255, 170, 170}};
}
