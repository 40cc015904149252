package org.loupe.image;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A display window: the sample value shown as black ({@code low}) and as white ({@code high}), with a linear ramp in
 * between. 16-bit and float images must be windowed to be seen on an 8-bit screen; X-ray detectors often fill only a
 * small part of their range.
 *
 * @param low  value shown black
 * @param high value shown white; greater than {@code low}
 */
public record WindowLevel(double low, double high) {

    private static final int MAX_SAMPLES = 1 << 20;

    /** Width and level in Hounsfield units. */
    private static final Map<String, double[]> PRESETS = presetTable();

    /** Rejects empty and non-finite windows. */
    public WindowLevel {
        if (!(high > low) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("invalid window [" + low + ", " + high + "]");
        }
    }

    /**
     * The window radiologists use for CT, by name: {@code abdomen} (width 400 HU, level 40), {@code liver} (150, 30),
     * {@code bone} (2000, 500), {@code lung} (1500, -600), {@code brain} (80, 40).
     *
     * @throws IllegalArgumentException naming the presets for an unknown name
     */
    public static WindowLevel preset(String name) {
        double[] wl = PRESETS.get(name.toLowerCase(Locale.ROOT));
        if (wl == null) {
            throw new IllegalArgumentException("unknown window preset '" + name + "' (use " + String.join(", ",
                    PRESETS.keySet()) + ")");
        }
        return ofCentre(wl[1], wl[0]);
    }

    /** The preset names {@link #preset} knows, in a stable order. */
    public static Set<String> presets() {
        return PRESETS.keySet();
    }

    /** A window given as a viewer gives it: its centre (level) and width. */
    public static WindowLevel ofCentre(double level, double width) {
        return new WindowLevel(level - width / 2, level + width / 2);
    }

    /** The whole range of an integer type (0..255, 0..65535), or 0..1 for float. */
    public static WindowLevel fullRange(PixelType type) {
        return new WindowLevel(0, type.isInteger() ? type.maxValue() : 1.0);
    }

    /**
     * A window from the image's own distribution: from the {@code lowPercent} to the {@code highPercent}
     * percentile of its samples (all bands), estimated from at most a million evenly spread samples.
     */
    public static WindowLevel auto(PixelImage image, double lowPercent, double highPercent) {
        int bands = image.bands();
        long total = image.pixelCount() * bands;
        int step = (int) Math.max(1, (total + MAX_SAMPLES - 1) / MAX_SAMPLES);
        float[] samples = new float[(int) ((total + step - 1) / step)];
        int n = 0;
        long i = 0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                for (int b = 0; b < bands; b++, i++) {
                    if (i % step == 0 && n < samples.length) {
                        float v = image.getFloat(x, y, b);
                        if (Float.isFinite(v)) {
                            samples[n++] = v;
                        }
                    }
                }
            }
        }
        if (n == 0) {
            return fullRange(image.type().pixelType());
        }
        Arrays.sort(samples, 0, n);
        double low = samples[(int) Math.floor((n - 1) * lowPercent / 100)];
        double high = samples[(int) Math.ceil((n - 1) * highPercent / 100)];
        return high > low ? new WindowLevel(low, high) : new WindowLevel(low, low + 1);
    }

    private static Map<String, double[]> presetTable() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("abdomen", new double[] {400, 40});
        m.put("liver", new double[] {150, 30});
        m.put("bone", new double[] {2000, 500});
        m.put("lung", new double[] {1500, -600});
        m.put("brain", new double[] {80, 40});
        return Collections.unmodifiableMap(m);
    }

    /** The window centre (the "level"). */
    public double level() {
        return (low + high) / 2;
    }

    /** The window width. */
    public double width() {
        return high - low;
    }

    /** The grey value 0..255 a sample shows as. */
    public int map(double value) {
        double t = (value - low) / (high - low) * 255;
        return t <= 0 ? 0 : (t >= 255 ? 255 : (int) (t + 0.5));
    }

    /**
     * An 8-bit image for display: RGB stays RGB (each band windowed), three-band planar becomes RGB, anything else
     * shows its first band in grey.
     */
    public PixelImage toDisplay(PixelImage image) {
        int w = image.width();
        int h = image.height();
        boolean colour = image.bands() == 3;
        PixelImage out = colour ? RgbU8.create(w, h) : GrayU8.create(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int b = 0; b < out.bands(); b++) {
                    out.setFloat(x, y, b, map(image.getFloat(x, y, b)));
                }
            }
        }
        return out.withMetadata(image.metadata());
    }
}
