package org.loupe.ui;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.ui.di.UISynchronize;
import org.loupe.api.LoupeException;
import org.loupe.api.ModelTrainer;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderDescriptor;
import org.loupe.api.TrainingEvent;
import org.loupe.api.TrainingRequest;
import org.loupe.api.TrainingResult;
import org.loupe.registry.ProviderHandle;

/**
 * The workbench's training run: one at a time, as a cancellable background job, with every progress event kept for
 * the Training view's table and loss plot. Listeners hear about every change on the UI thread. One per workbench.
 */
@Creatable
@Singleton
public final class TrainingRun extends BackgroundRun {

    /** The id of the Training view in the application model. */
    public static final String PART_ID = "org.loupe.ui.part.training";

    private final List<TrainingEvent> events = new CopyOnWriteArrayList<>();
    private volatile ProviderDescriptor trainer;
    private volatile TrainingResult result;

    /** Created by dependency injection. */
    @Inject
    public TrainingRun(UISynchronize sync) {
        super(sync);
    }

    /** The events of the current or last run, in order. */
    public List<TrainingEvent> events() {
        return List.copyOf(events);
    }

    /** The trainer of the current or last run, or null. */
    public ProviderDescriptor trainer() {
        return trainer;
    }

    /** The last finished run's result, or null. */
    public TrainingResult result() {
        return result;
    }

    /** "stopped at step 20 of 60", from the last event. */
    private String stoppedAt() {
        return events.isEmpty() ? "stopped before the first step" : String.format("stopped at step %,d of %,d",
                events.get(events.size() - 1).iteration(), events.get(events.size() - 1).iterations());
    }

    /** Starts training in the background; the returned job can be joined. */
    public synchronized Job start(ProviderHandle<ModelTrainer> handle, Parameters parameters, Path dataset,
            Path output, boolean resume) {
        if (state() == State.RUNNING) {
            throw new IllegalStateException("a training run is already going");
        }
        trainer = handle.descriptor();
        events.clear();
        result = null;
        return schedule("Training " + trainer.name(), "training " + trainer.id() + " on " + dataset + " into "
                + output, monitor -> {
                    ProcessingContext ctx = ProcessingContext.builder().parameters(parameters)
                            .cancelWhen(monitor::isCanceled).build();
                    TrainingRequest request = new TrainingRequest(dataset, output, null, resume, e -> {
                        events.add(e);
                        changed();
                    });
                    try {
                        TrainingResult r = handle.call(t -> t.train(request, ctx));
                        result = r;
                        set(State.DONE, "wrote " + r.model() + " after " + r.steps() + " steps"
                                + (r.stoppedEarly() ? " (stopped early)" : ""));
                    } catch (LoupeException e) {
                        boolean cancelled = e.reason() == LoupeException.Reason.CANCELLED;
                        set(cancelled ? State.CANCELLED : State.FAILED, cancelled ? stoppedAt() + "; resume from the "
                                + "last checkpoint in " + request.checkpoints() : e.getMessage());
                    }
                });
    }
}
