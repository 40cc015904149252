package org.loupe.fuzz;

import org.loupe.image.io.ReadOptions;

/**
 * The size limits fuzzing runs under. A header may declare any size up to the limit and the decoder may allocate
 * that much before it finds the data missing (the image's own size plus a constant is the promised bound), so the
 * limit is set low enough that millions of such inputs fit in the fuzzing JVM's heap.
 */
final class Limits {

    /** Four megapixels: 48 MB for a 16-bit RGB raster, several of them per input still fit in 768 MB. */
    static final ReadOptions IMAGE = new ReadOptions(4L << 20);

    private Limits() {
    }
}
