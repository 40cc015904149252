package org.loupe.image;

/** How the bands of an image are arranged in memory. */
public enum Layout {
    /** One band. */
    GRAY,
    /** Three interleaved bands, red, green, blue. */
    RGB,
    /** Any number of bands, each in its own array (e.g. YCbCr in float, or feature maps). */
    PLANAR
}
