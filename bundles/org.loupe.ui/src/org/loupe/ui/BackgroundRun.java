package org.loupe.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;

/**
 * What the workbench's long runs (training, pipelines) share: one at a time as a cancellable background job, a state
 * with a one-line account of it, and listeners told of every change on the UI thread.
 */
public abstract class BackgroundRun {

    /** Where a run is. */
    public enum State {
        /** Nothing has run yet. */
        IDLE,
        /** Running. */
        RUNNING,
        /** Finished (a training wrote its model; a pipeline went through every input, some may have failed). */
        DONE,
        /** Stopped by the user; what was done is kept (a training's checkpoint, a pipeline's finished inputs). */
        CANCELLED,
        /** Failed, or could not start; {@link #message()} says why. */
        FAILED
    }

    private final UISynchronize sync;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile State state = State.IDLE;
    private volatile String message = "";
    private volatile Job job;

    /** A run that tells its listeners through {@code sync}. */
    protected BackgroundRun(UISynchronize sync) {
        this.sync = sync;
    }

    /** Starts hearing about changes (called on the UI thread). */
    public void addListener(Runnable l) {
        listeners.add(l);
    }

    /** Stops hearing about changes. */
    public void removeListener(Runnable l) {
        listeners.remove(l);
    }

    /** The current state. */
    public State state() {
        return state;
    }

    /** A one-line account of the state: what is running, or how it ended. */
    public String message() {
        return message;
    }

    /** Asks the running job to stop. */
    public void cancel() {
        Job j = job;
        if (j != null) {
            j.cancel();
        }
    }

    /**
     * Marks the run RUNNING and schedules {@code work} as a user job; the job can be joined.
     *
     * @throws IllegalStateException if a run is already going
     */
    protected final synchronized Job schedule(String name, String starting, Consumer<IProgressMonitor> work) {
        if (state == State.RUNNING) {
            throw new IllegalStateException("a run is already going: " + message);
        }
        set(State.RUNNING, starting);
        Job j = Job.create(name, monitor -> {
            work.accept(monitor);
            return Status.OK_STATUS;
        });
        j.setUser(true);
        job = j;
        j.schedule();
        return j;
    }

    /** Moves to a state and tells the listeners. */
    protected final void set(State s, String text) {
        state = s;
        message = text;
        changed();
    }

    /** Tells the listeners something changed. */
    protected final void changed() {
        sync.asyncExec(() -> listeners.forEach(Runnable::run));
    }
}
