package org.loupe.pipeline.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loupe.api.LoupeException;
import org.loupe.data.deeppcb.DeepPcbFiles;
import org.loupe.metrics.detection.AnnotatedImage;
import org.loupe.pipeline.BatchResult;
import org.loupe.pipeline.Item;
import org.loupe.pipeline.ItemResult;
import org.loupe.pipeline.Pipeline;
import org.loupe.pipeline.Step;
import org.loupe.pipeline.evaluation.DetectionReport;

/**
 * Scores a batch's detections against the annotations its detect step names, with the same {@link DetectionReport}
 * that {@code loupe eval detect} prints, so the two always agree. An input that could not be processed counts as one
 * whose every defect was missed, so a bad pair never silently raises the score.
 */
public final class BatchDetections {

    private BatchDetections() {
    }

    /**
     * Scores the batch, if its pipeline has a detect step with a truth rule.
     *
     * @throws LoupeException INPUT for a missing or malformed annotation file
     */
    public static Optional<DetectionReport> score(Pipeline pipeline, List<Item> items, List<ItemResult> results)
            throws LoupeException {
        Step.Detect detect = pipeline.detectStep().filter(d -> d.truth() != null).orElse(null);
        if (detect == null) {
            return Optional.empty();
        }
        List<AnnotatedImage> images = new ArrayList<>();
        List<String> unprocessed = new ArrayList<>();
        for (Item item : items) {
            ItemResult r = results.stream().filter(x -> x.input().equals(item.file().toString())).findFirst()
                    .orElse(null);
            boolean ok = r != null && r.ok();
            if (!ok) {
                unprocessed.add(item.name());
            }
            images.add(new AnnotatedImage(item.name(), DeepPcbFiles.readTruth(detect.truth().resolve(item.file(),
                    item.name())), ok ? r.detections() : List.of()));
        }
        return Optional.of(DetectionReport.of(images, unprocessed, detect.scoreThreshold()));
    }
}
