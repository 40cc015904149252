package org.loupe.image;

import java.util.List;

/**
 * The result of a segmentation: one integer label per pixel, 0 meaning background, with a name for each label.
 * Immutable: the label array is copied in and never handed out.
 */
public final class LabelImage {

    private final int width;
    private final int height;
    private final int[] labels;
    private final List<String> names;

    /**
     * @param width  width in pixels
     * @param height height in pixels
     * @param labels row-major labels, {@code width * height} of them, each in {@code 0..names.size()-1}
     * @param names  display name of each label; index 0 is the background
     */
    public LabelImage(int width, int height, int[] labels, List<String> names) {
        if (width <= 0 || height <= 0 || labels.length != (long) width * height) {
            throw new IllegalArgumentException("labels do not match a " + width + "x" + height + " image");
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("at least the background label needs a name");
        }
        for (int v : labels) {
            if (v < 0 || v >= names.size()) {
                throw new IllegalArgumentException("label " + v + " has no name (" + names.size() + " names)");
            }
        }
        this.width = width;
        this.height = height;
        this.labels = labels.clone();
        this.names = List.copyOf(names);
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** The label at (x, y). */
    public int label(int x, int y) {
        return labels[y * width + x];
    }

    /** Label names; index 0 is the background. */
    public List<String> names() {
        return names;
    }

    /** Number of pixels carrying each label, indexed by label. */
    public long[] histogram() {
        long[] h = new long[names.size()];
        for (int v : labels) {
            h[v]++;
        }
        return h;
    }
}
