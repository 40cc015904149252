package org.loupe.api;

import java.time.Duration;

/**
 * Progress of a training run, reported every few steps: what the command line prints as a table row and the
 * workbench plots. Figures that were not measured at this step are NaN.
 *
 * @param epoch          passes over the training data so far (fractional)
 * @param iteration      optimisation steps done
 * @param iterations     optimisation steps planned
 * @param resumedFrom    steps already done when this run started (0, or the checkpoint's step when resumed)
 * @param elapsed        time since the run (or its resumption) started
 * @param loss           mean training loss over the steps since the previous event
 * @param accuracy       mean training accuracy over the same steps, for classifiers; NaN otherwise
 * @param learningRate   the learning rate of the last step
 * @param validationLoss loss on the validation data, when it was measured at this step
 */
public record TrainingEvent(double epoch, long iteration, long iterations, long resumedFrom, Duration elapsed, double loss,
        double accuracy, double learningRate, double validationLoss) {

    /** The estimated time to finish, from the pace of this run so far. */
    public Duration remaining() {
        long done = iteration - resumedFrom;
        if (done <= 0) {
            return Duration.ZERO;
        }
        return elapsed.multipliedBy(Math.max(0, iterations - iteration)).dividedBy(done);
    }
}
