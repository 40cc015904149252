package org.loupe.tensorflow.train;

import org.loupe.api.ParameterSpec;

/** The parameters every trainer offers, declared once so that they read the same in every trainer's help. */
public final class TrainingParameters {

    private TrainingParameters() {
    }

    /** {@code steps}: optimisation steps. */
    public static ParameterSpec steps(int defaultValue) {
        return ParameterSpec.integer("steps", defaultValue, 1, 10_000_000, 1, "Optimisation steps.");
    }

    /** {@code batch}: patches per mini-batch. */
    public static ParameterSpec batch(int defaultValue) {
        return ParameterSpec.integer("batch", defaultValue, 1, 1024, 1, "Patches per mini-batch.");
    }

    /** {@code lr}: the initial learning rate; {@code schedule} says how it changes, e.g. "cosine decay to 1/100". */
    public static ParameterSpec learningRate(double defaultValue, String schedule) {
        return ParameterSpec.real("lr", defaultValue, 1e-7, 1, "Initial learning rate (" + schedule + ").");
    }

    /** {@code validate}: steps between validations and checkpoints. */
    public static ParameterSpec validate(int defaultValue) {
        return ParameterSpec.integer("validate", defaultValue, 1, 1_000_000, 1,
                "Steps between validations and checkpoints.");
    }

    /** {@code seed}: what the seed draws, e.g. "weights and patches". */
    public static ParameterSpec seed(String draws) {
        return ParameterSpec.integer("seed", 1, 0, Integer.MAX_VALUE, 1, "Seed of " + draws + ".");
    }

    /** {@code name}: the model id; {@code ifEmpty} says what it is when left empty. */
    public static ParameterSpec name(String ifEmpty) {
        return ParameterSpec.text("name", "", "Model id; " + ifEmpty + " if empty.");
    }
}
