package org.loupe.fuzz;

import org.loupe.image.io.ReadOptions;

/**
 * The size limits fuzzing runs under. A header may declare any size up to the limit and the decoder may allocate and
 * fill that much before it finds the data missing (the image's own size plus a constant is the promised bound), so
 * the limit is set low enough that a million such inputs take minutes, not hours, in instrumented code. Decoding
 * large declared sizes is the business of {@code DecodingBombTest}; the decoders' code paths are the same.
 */
final class Limits {

    /** 256 x 256 pixels: at 4 megapixels the TIFF target slowed to tens of inputs per second. */
    static final ReadOptions IMAGE = new ReadOptions(1L << 16);

    private Limits() {
    }
}
