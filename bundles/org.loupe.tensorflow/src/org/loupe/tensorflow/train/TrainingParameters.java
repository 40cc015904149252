package org.loupe.tensorflow.train;

import java.nio.file.Path;
import org.loupe.api.LoupeException;
import org.loupe.api.ParameterSpec;
import org.loupe.api.Parameters;
import org.loupe.api.TrainingRequest;
import org.tensorflow.Session;

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

    /** {@code start-from}: an earlier run's checkpoint folder whose weights training starts from. */
    public static ParameterSpec startFrom() {
        return ParameterSpec.text("start-from", "", "Checkpoint folder of an earlier run of this trainer with the same "
                + "classes (its OUT.checkpoints) whose best weights training starts from, e.g. a model trained on "
                + "easier images first; empty: random weights.");
    }

    /** {@code rebuild-from}: a model folder whose trained weights are exported again instead of training. */
    public static ParameterSpec rebuildFrom() {
        return ParameterSpec.text("rebuild-from", "", "A model folder this trainer made: instead of training, write "
                + "its trained weights into the network as this version of Loupe builds it (the same function, "
                + "possibly faster), keep its training record and score it on the data set; empty: train.");
    }

    /** The folder {@link #rebuildFrom} names, or null to train. */
    public static Path rebuildSource(Parameters p) {
        String from = p.getString("rebuild-from");
        return from.isBlank() ? null : Path.of(from);
    }

    /**
     * Loads the weights {@link #startFrom} names into the training session, unless none is named or the run resumes
     * (its checkpoint holds them already).
     *
     * @throws LoupeException INPUT if the folder holds no checkpoint of this network
     */
    public static void applyStartFrom(Parameters p, TrainingRequest request, Session session) throws LoupeException {
        String from = p.getString("start-from");
        if (!from.isBlank() && !request.resume()) {
            TrainingLoop.startFrom(session, Path.of(from));
        }
    }

    /**
     * The loop settings of a trainer that declares {@link #steps}, {@link #validate} and a {@link #learningRate}
     * with cosine decay: the rate falls to 1/100 of {@code lr} over the steps, validation and checkpoints come every
     * {@code validate} steps, a progress row every {@code min(validate, logEvery)} steps.
     *
     * @param patience validations without improvement before stopping early (0: never)
     */
    public static TrainingLoop.Config cosineLoop(Parameters p, long stepsPerEpoch, int logEvery, int patience) {
        int steps = p.getInt("steps");
        int every = p.getInt("validate");
        float lr = (float) p.getDouble("lr");
        return new TrainingLoop.Config(steps, Math.max(1, stepsPerEpoch), Math.max(1, Math.min(every, logEvery)),
                every, every, patience, LearningRateSchedule.cosine(lr, lr / 100, steps));
    }
}
