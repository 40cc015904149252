package org.loupe.tensorflow.train;

/** The learning rate at each training step (1-based). */
@FunctionalInterface
public interface LearningRateSchedule {

    /** The rate for step {@code step}. */
    float at(long step);

    /** The same rate throughout. */
    static LearningRateSchedule constant(float rate) {
        return step -> rate;
    }

    /** Starts at {@code initial} and is multiplied by {@code factor} every {@code every} steps (e.g. /10 every 50 epochs). */
    static LearningRateSchedule step(float initial, float factor, long every) {
        return step -> (float) (initial * Math.pow(factor, (step - 1) / every));
    }

    /** Cosine annealing from {@code initial} to {@code minimum} over {@code total} steps. */
    static LearningRateSchedule cosine(float initial, float minimum, long total) {
        return step -> (float) (minimum + 0.5 * (initial - minimum)
                * (1 + Math.cos(Math.PI * Math.min(step - 1, total) / total)));
    }
}
