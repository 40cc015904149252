package org.loupe.pipeline;

import java.util.List;
import org.loupe.pipeline.evaluation.DetectionReport;

/**
 * The outcome of a batch: every item's result in input order (those skipped as complete and current included), how
 * many were computed in this run, and the exit code of the batch policy: 0 if every item is ok, else the largest
 * failure class among the items (3 some inputs bad, 4 some provider failures), 130 if cancelled; and the detections
 * scored against their annotations, where the pipeline names them (else null).
 */
public record BatchResult(List<ItemResult> items, int computed, int skipped, int failed, boolean cancelled,
        DetectionReport detection) {

    /** Copies the list. */
    public BatchResult {
        items = List.copyOf(items);
    }

    /** The batch's exit code. */
    public int exitCode() {
        if (cancelled) {
            return 130;
        }
        return items.stream().mapToInt(ItemResult::exitClass).max().orElse(0);
    }
}
