package org.loupe.image.io;

/**
 * Limits applied when reading an image.
 *
 * @param maxPixels the largest width x height accepted; checked against the file header before any pixel is decoded,
 *                  so a small file claiming a huge image (a decompression bomb) is refused without allocating it
 */
public record ReadOptions(long maxPixels) {

    /** Default pixel limit: 100 megapixels, e.g. 10000 x 10000. */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    /** Rejects a non-positive limit. */
    public ReadOptions {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("pixel limit must be positive: " + maxPixels);
        }
    }

    /** The default limits. */
    public static ReadOptions defaults() {
        return new ReadOptions(DEFAULT_MAX_PIXELS);
    }
}
