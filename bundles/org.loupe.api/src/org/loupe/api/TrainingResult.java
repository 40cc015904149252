package org.loupe.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How a training run ended.
 *
 * @param model        the model folder written
 * @param steps        optimisation steps done in all
 * @param elapsed      wall time of this run
 * @param stoppedEarly whether validation stopped improving before the planned steps
 * @param scores       measured scores of the written model, e.g. {"validation L1": 0.012, "validation PSNR": 31.2}
 */
public record TrainingResult(Path model, long steps, Duration elapsed, boolean stoppedEarly,
        Map<String, Double> scores) {

    /** Copies the scores. */
    public TrainingResult {
        scores = Map.copyOf(scores);
    }
}
