package org.loupe.tensorflow.train;

/**
 * Makes training batches. Batch {@code i} must depend only on {@code i} (and the source's fixed seed), never on what
 * was made before: that is what lets a resumed run see exactly the batches an uninterrupted one would have seen, and
 * lets {@link PrefetchingBatches} make them on another thread.
 */
@FunctionalInterface
public interface BatchSource {

    /** Batch number {@code index} (0-based). */
    Batch batch(long index);
}
