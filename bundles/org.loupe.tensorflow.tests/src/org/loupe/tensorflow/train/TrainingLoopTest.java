package org.loupe.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.api.TrainingEvent;

/** The loop's promises: exact resumption, early stopping with the best weights kept, events, cancellation. */
class TrainingLoopTest {

    private static final LearningRateSchedule RATE = LearningRateSchedule.cosine(1e-2f, 1e-3f, 30);

    private static TrainingLoop.Config config(long steps, int checkpointEvery) {
        return new TrainingLoop.Config(steps, 10, 5, 0, checkpointEvery, 0, RATE);
    }

    @Test
    void aResumedRunEndsWithExactlyTheWeightsOfAnUninterruptedOne(@TempDir Path dir) throws Exception {
        Map<String, float[]> straight;
        try (TinyDenoiser m = new TinyDenoiser(11, 1f)) {
            TrainingLoop.run(m.setup(), config(30, 0), TinyDenoiser.sampler(2), List.of(), null, false, e -> { },
                    ProcessingContext.none());
            straight = m.weights();
        }
        try (TinyDenoiser m = new TinyDenoiser(11, 1f)) {
            TrainingLoop.run(m.setup(), config(15, 15), TinyDenoiser.sampler(2), List.of(), dir, false, e -> { },
                    ProcessingContext.none());
        }
        List<TrainingEvent> events = new ArrayList<>();
        Map<String, float[]> resumed;
        try (TinyDenoiser m = new TinyDenoiser(999, 1f)) {
            TrainingLoop.Outcome o = TrainingLoop.run(m.setup(), config(30, 0), TinyDenoiser.sampler(2), List.of(),
                    dir, true, events::add, ProcessingContext.none());
            assertEquals(30, o.steps());
            resumed = m.weights();
        }
        assertEquals(20, events.get(0).iteration(), "the resumed run starts after the checkpoint");
        assertEquals(15, events.get(0).resumedFrom());
        assertEquals(straight.keySet(), resumed.keySet());
        straight.forEach((name, w) -> assertArrayEquals(w, resumed.get(name), name));
    }

    @Test
    void earlyStoppingHaltsWhenValidationStopsImprovingAndKeepsTheBestWeights(@TempDir Path dir) throws Exception {
        try (TinyDenoiser m = new TinyDenoiser(5, 0, Init.constant(0))) {
            // targets with the noise doubled: the untrained identity network is the best this data allows, and
            // every step of denoising makes the validation loss worse
            Batch b = new PatchSampler(TinyDenoiser.pairs(1, 48, 77), 16, 1, 8, 1, 1,
                    PatchSampler.Augmentation.none(), 3).batch(0);
            float[] target = new float[b.target().length];
            for (int i = 0; i < target.length; i++) {
                target[i] = 2 * b.input()[i] - b.target()[i];
            }
            List<Batch> validation = List.of(new Batch(b.input(), b.inputShape(), target, b.targetShape()));
            List<TrainingEvent> events = new ArrayList<>();
            TrainingLoop.Outcome o = TrainingLoop.run(m.setup(),
                    new TrainingLoop.Config(400, 10, 5, 5, 0, 3, LearningRateSchedule.constant(1e-2f)),
                    TinyDenoiser.sampler(4), validation, dir, false, events::add, ProcessingContext.none());
            assertTrue(o.stoppedEarly());
            assertTrue(o.steps() < 400);
            double best = events.stream().mapToDouble(TrainingEvent::validationLoss).filter(v -> !Double.isNaN(v))
                    .min().orElseThrow();
            assertEquals(best, o.bestValidationLoss());
            assertEquals(o.steps() - 3 * 5, o.bestStep(), "stopped after 3 validations without improvement");
            assertEquals(best, TrainingLoop.validate(m.setup(), validation), 1e-9, "the best weights are back");
        }
    }

    @Test
    void eventsReportEveryStepCountRateAndAnEta() throws Exception {
        try (TinyDenoiser m = new TinyDenoiser(3, 0)) {
            List<TrainingEvent> events = new ArrayList<>();
            TrainingLoop.run(m.setup(), config(30, 0), TinyDenoiser.sampler(1), List.of(), null, false, events::add,
                    ProcessingContext.none());
            assertEquals(List.of(5L, 10L, 15L, 20L, 25L, 30L), events.stream().map(TrainingEvent::iteration).toList());
            TrainingEvent last = events.get(events.size() - 1);
            assertEquals(3.0, last.epoch());
            assertEquals(RATE.at(30), last.learningRate(), 1e-12);
            assertTrue(events.get(0).remaining().compareTo(events.get(0).elapsed()) > 0, "25 of 30 steps remain");
            assertTrue(Double.isNaN(last.accuracy()) && Double.isNaN(last.validationLoss()));
        }
    }

    @Test
    void cancellingStopsBetweenSteps() throws Exception {
        try (TinyDenoiser m = new TinyDenoiser(3, 0)) {
            AtomicInteger polls = new AtomicInteger();
            ProcessingContext ctx = ProcessingContext.builder().cancelWhen(() -> polls.incrementAndGet() > 3).build();
            LoupeException e = assertThrows(LoupeException.class, () -> TrainingLoop.run(m.setup(), config(30, 0),
                    TinyDenoiser.sampler(1), List.of(), null, false, ev -> { }, ctx));
            assertEquals(LoupeException.Reason.CANCELLED, e.reason());
        }
    }

    @Test
    void aRunStartedFromAnotherRunsWeightsBeginsWithThemAndCountsItsStepsAfresh(@TempDir Path dir) throws Exception {
        Map<String, float[]> first;
        try (TinyDenoiser m = new TinyDenoiser(11, 1f)) {
            TrainingLoop.run(m.setup(), config(15, 15), TinyDenoiser.sampler(2), List.of(), dir, false, e -> { },
                    ProcessingContext.none());
            first = m.weights();
        }
        try (TinyDenoiser m = new TinyDenoiser(999, 1f)) {
            TrainingLoop.startFrom(m.setup().session(), dir);
            Map<String, float[]> started = m.weights();
            first.forEach((name, w) -> assertArrayEquals(w, started.get(name), name));
            List<TrainingEvent> events = new ArrayList<>();
            TrainingLoop.Outcome o = TrainingLoop.run(m.setup(), config(10, 0), TinyDenoiser.sampler(3), List.of(),
                    null, false, events::add, ProcessingContext.none());
            assertEquals(10, o.steps());
            assertEquals(5, events.get(0).iteration(), "its own steps, from the first");
            assertEquals(0, events.get(0).resumedFrom());
        }
    }

    @Test
    void startingFromAFolderWithoutACheckpointIsRefusedAsBadInput(@TempDir Path dir) throws Exception {
        try (TinyDenoiser m = new TinyDenoiser(3, 0)) {
            LoupeException e = assertThrows(LoupeException.class, () -> TrainingLoop.startFrom(m.setup().session(),
                    dir));
            assertEquals(LoupeException.Reason.INPUT, e.reason());
            assertTrue(e.getMessage().startsWith(dir.toString()), e.getMessage());
        }
    }
}
