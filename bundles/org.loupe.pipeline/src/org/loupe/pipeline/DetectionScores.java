package org.loupe.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loupe.api.LoupeException;
import org.loupe.data.deeppcb.DeepPcbFiles;
import org.loupe.metrics.detection.AnnotatedImage;
import org.loupe.metrics.detection.ApInterpolation;
import org.loupe.metrics.detection.Counts;
import org.loupe.metrics.detection.DetectionEvaluation;
import org.loupe.metrics.detection.MatchRule;

/**
 * A batch's detections scored against the annotations its detect step names, by the DeepPCB protocol that
 * {@code loupe eval detect} uses (same class and IoU over 0.33, all-point AP). An input that could not be processed
 * counts as one whose every defect was missed, and is counted here, so a bad pair never silently raises the score.
 *
 * @param images      inputs scored
 * @param unprocessed of which failed, their defects counted as missed
 * @param map         mean average precision
 * @param counts      true and false positives and negatives at the step's score threshold
 */
public record DetectionScores(int images, int unprocessed, double map, Counts counts) {

    /**
     * Scores the batch, if its pipeline has a detect step with a truth rule.
     *
     * @throws LoupeException INPUT for a missing or malformed annotation file
     */
    public static Optional<DetectionScores> of(Pipeline pipeline, List<Item> items, BatchResult result)
            throws LoupeException {
        Step.Detect detect = pipeline.detectStep().filter(d -> d.truth() != null).orElse(null);
        if (detect == null) {
            return Optional.empty();
        }
        List<AnnotatedImage> images = new ArrayList<>();
        int unprocessed = 0;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            ItemResult r = result.items().stream().filter(x -> x.input().equals(item.file().toString())).findFirst()
                    .orElse(null);
            boolean ok = r != null && r.ok();
            unprocessed += ok ? 0 : 1;
            images.add(new AnnotatedImage(item.name(), DeepPcbFiles.readTruth(detect.truth().resolve(item.file(),
                    item.name())), ok ? r.detections() : List.of()));
        }
        DetectionEvaluation eval = new DetectionEvaluation(images);
        return Optional.of(new DetectionScores(images.size(), unprocessed, eval.meanAveragePrecision(
                MatchRule.DEEPPCB, ApInterpolation.ALL_POINT), eval.overall(MatchRule.DEEPPCB,
                detect.scoreThreshold())));
    }
}
