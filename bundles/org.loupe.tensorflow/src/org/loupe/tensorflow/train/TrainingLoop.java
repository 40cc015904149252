package org.loupe.tensorflow.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.api.TrainingEvent;
import org.loupe.tensorflow.TensorFlowRuntime;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The training loop: mini-batches from a {@link BatchSource} (made ahead on another thread), one Adam step each,
 * progress events, validation every N steps with early stopping on the validation loss (the best weights are kept),
 * and checkpoints from which an interrupted run resumes exactly, since batches, learning rates and Adam's bias
 * corrections all depend on the step number alone.
 */
public final class TrainingLoop {

    /**
     * The graph pieces the loop drives.
     *
     * @param loss           the training loss
     * @param validationLoss the loss on the inference path (batch normalisation with running averages); may be
     *                       {@code loss} itself for networks without batch normalisation
     * @param accuracy       mean accuracy of a classifier's mini-batch; null for other networks
     */
    public record Setup(Session session, Placeholder<TFloat32> input, Placeholder<TFloat32> target,
            Operand<TFloat32> loss, Operand<TFloat32> validationLoss, Operand<TFloat32> accuracy,
            AdamOptimizer optimizer) {
    }

    /**
     * How long and how carefully to train.
     *
     * @param steps           optimisation steps in all
     * @param stepsPerEpoch   steps that make one pass over the training data, for reporting epochs
     * @param logEvery        steps between progress events
     * @param validateEvery   steps between validations (0: never)
     * @param checkpointEvery steps between checkpoints (0: never)
     * @param patience        validations without improvement before stopping early (0: never stop early)
     * @param rate            learning rate schedule
     */
    public record Config(long steps, long stepsPerEpoch, int logEvery, int validateEvery, int checkpointEvery,
            int patience, LearningRateSchedule rate) {

        /** Checks the counts. */
        public Config {
            if (steps < 1 || stepsPerEpoch < 1 || logEvery < 1 || validateEvery < 0 || checkpointEvery < 0
                    || patience < 0 || rate == null) {
                throw new IllegalArgumentException("invalid training configuration: " + steps + " steps, "
                        + stepsPerEpoch + " per epoch, log every " + logEvery);
            }
        }
    }

    /** How a run ended. */
    public record Outcome(long steps, double lastLoss, double bestValidationLoss, long bestStep,
            boolean stoppedEarly, Duration elapsed) {
    }

    private record State(long step, double best, long bestStep, int stale) {
    }

    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();
    private static final String CHECKPOINT = "checkpoint";
    private static final String BEST = "best";

    private TrainingLoop() {
    }

    /**
     * Trains.
     *
     * @param validation batches to measure the validation loss on; empty for none
     * @param checkpoints folder for checkpoints and the best weights; null for none
     * @param resume     whether to continue from the checkpoint in {@code checkpoints}
     * @throws LoupeException CANCELLED if the context is cancelled (the last checkpoint stays usable)
     */
    public static Outcome run(Setup s, Config c, BatchSource source, List<Batch> validation, Path checkpoints,
            boolean resume, Consumer<TrainingEvent> events, ProcessingContext ctx) throws LoupeException {
        TensorFlowRuntime.version();
        State state = resume ? restore(s.session(), checkpoints) : new State(0, Double.POSITIVE_INFINITY, 0, 0);
        long resumedFrom = state.step();
        long start = System.nanoTime();
        double lossSum = 0;
        double accSum = 0;
        int since = 0;
        double last = Double.NaN;
        boolean early = false;
        try (PrefetchingBatches batches = new PrefetchingBatches(source, state.step(), 4)) {
            for (long step = state.step() + 1; step <= c.steps(); step++) {
                ctx.checkCancelled();
                float rate = c.rate().at(step);
                double[] fetched = trainStep(s, batches.next(), step, rate);
                last = fetched[0];
                if (!Double.isFinite(last)) {
                    throw LoupeException.provider("training", "diverged: the loss became " + last + " at step "
                            + step + " (lower the learning rate)", null);
                }
                lossSum += fetched[0];
                accSum += fetched[1];
                since++;
                double val = Double.NaN;
                if (c.validateEvery() > 0 && !validation.isEmpty() && (step % c.validateEvery() == 0
                        || step == c.steps())) {
                    val = validate(s, validation);
                    if (val < state.best()) {
                        state = new State(step, val, step, 0);
                        save(s.session(), checkpoints, BEST, state);
                    } else {
                        state = new State(step, state.best(), state.bestStep(), state.stale() + 1);
                        early = c.patience() > 0 && state.stale() >= c.patience();
                    }
                }
                if (step % c.logEvery() == 0 || !Double.isNaN(val) || step == c.steps() || early) {
                    events.accept(new TrainingEvent(step / (double) c.stepsPerEpoch(), step, c.steps(), resumedFrom,
                            Duration.ofNanos(System.nanoTime() - start), lossSum / since,
                            s.accuracy() == null ? Double.NaN : accSum / since, rate, val));
                    lossSum = 0;
                    accSum = 0;
                    since = 0;
                    ctx.progress(step / (double) c.steps(), "training step " + step);
                }
                state = new State(step, state.best(), state.bestStep(), state.stale());
                if (c.checkpointEvery() > 0 && step % c.checkpointEvery() == 0) {
                    save(s.session(), checkpoints, CHECKPOINT, state);
                }
                if (early) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LoupeException.cancelled();
        }
        if (checkpoints != null && state.bestStep() > 0) {
            s.session().restore(checkpoints.resolve(BEST).toString());
        }
        return new Outcome(state.step(), last, state.best(), state.bestStep(), early,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static double[] trainStep(Setup s, Batch b, long step, float rate) {
        List<Tensor> owned = new ArrayList<>();
        try {
            TFloat32 x = b.inputTensor();
            owned.add(x);
            TFloat32 y = b.targetTensor();
            owned.add(y);
            Session.Runner r = s.session().runner().feed(s.input(), x).feed(s.target(), y)
                    .addTarget(s.optimizer().step()).fetch(s.loss());
            if (s.accuracy() != null) {
                r.fetch(s.accuracy());
            }
            owned.addAll(s.optimizer().feed(r, step, rate));
            try (Result res = r.run()) {
                double loss = ((TFloat32) res.get(0)).getFloat();
                double acc = s.accuracy() == null ? 0 : ((TFloat32) res.get(1)).getFloat();
                return new double[] {loss, acc};
            }
        } finally {
            owned.forEach(Tensor::close);
        }
    }

    /** The mean loss over validation batches, without training. */
    public static double validate(Setup s, List<Batch> validation) {
        double sum = 0;
        for (Batch b : validation) {
            try (TFloat32 x = b.inputTensor(); TFloat32 y = b.targetTensor();
                    Result res = s.session().runner().feed(s.input(), x).feed(s.target(), y).fetch(s.validationLoss())
                            .run()) {
                sum += ((TFloat32) res.get(0)).getFloat();
            }
        }
        return sum / validation.size();
    }

    private static void save(Session session, Path dir, String name, State state) throws LoupeException {
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            session.save(dir.resolve(name).toString());
            Files.writeString(dir.resolve(name + ".json"), GSON.toJson(state), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw LoupeException.badInput(dir.toString(), "cannot write a checkpoint (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Loads into {@code session} the weights (and Adam's moments) of an earlier run of the same network, from its
     * checkpoint folder: its best weights if it validated, else its last checkpoint. A run started after this counts
     * its steps, learning rate and best validation loss afresh; that is what sets it apart from resuming, and what
     * fine-tuning on other data (easy images first, then hard ones) needs.
     *
     * @throws LoupeException INPUT if the folder holds no checkpoint or one of another network
     */
    public static void startFrom(Session session, Path dir) throws LoupeException {
        String name = Files.exists(dir.resolve(BEST + ".json")) ? BEST : CHECKPOINT;
        if (!Files.exists(dir.resolve(name + ".json"))) {
            throw LoupeException.badInput(dir.toString(), "holds no checkpoint to start from (a training run's "
                    + "OUT.checkpoints folder is expected)");
        }
        try {
            session.restore(dir.resolve(name).toString());
        } catch (RuntimeException e) {
            throw LoupeException.badInput(dir.toString(), "is a checkpoint of another network or of other classes ("
                    + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    /**
     * Whether {@code dir} holds a checkpoint that {@link #run} can resume from: what a trainer of several networks
     * in turn asks, to resume those already begun and start the others afresh.
     */
    public static boolean hasCheckpoint(Path dir) {
        return dir != null && Files.exists(dir.resolve(CHECKPOINT + ".json"));
    }

    private static State restore(Session session, Path dir) throws LoupeException {
        if (!hasCheckpoint(dir)) {
            throw LoupeException.usage("nothing to resume: no checkpoint in " + dir);
        }
        Path json = dir.resolve(CHECKPOINT + ".json");
        try {
            State state = GSON.fromJson(Files.readString(json, StandardCharsets.UTF_8), State.class);
            session.restore(dir.resolve(CHECKPOINT).toString());
            return state;
        } catch (IOException | RuntimeException e) {
            throw LoupeException.badInput(json.toString(), "is not a usable checkpoint (" + e.getMessage() + ")", e);
        }
    }
}
