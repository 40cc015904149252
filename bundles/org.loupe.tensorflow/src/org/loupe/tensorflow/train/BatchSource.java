package org.loupe.tensorflow.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes training batches. Batch {@code i} must depend only on {@code i} (and the source's fixed seed), never on what
 * was made before: that is what lets a resumed run see exactly the batches an uninterrupted one would have seen, and
 * lets {@link PrefetchingBatches} make them on another thread.
 */
@FunctionalInterface
public interface BatchSource {

    /** Batch number {@code index} (0-based). */
    Batch batch(long index);

    /** The first {@code n} batches, as trainers keep a fixed validation set. */
    default List<Batch> first(int n) {
        List<Batch> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(batch(i));
        }
        return out;
    }
}
