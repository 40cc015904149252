package org.loupe.ui;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.ui.di.UISynchronize;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderDescriptor;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ImageFormat;
import org.loupe.image.io.ReadOptions;
import org.loupe.registry.ProviderHandle;
import org.loupe.samples.Sample;

/**
 * The image open in the workbench and the result of the last enhancer run on it. Opening and enhancing run as
 * cancellable background jobs; listeners hear about every change on the UI thread. One per workbench.
 */
@Creatable
@Singleton
public final class ImageDocument {

    private static final long PROGRESS_INTERVAL_NS = 50_000_000;

    private final UISynchronize sync;
    private final List<DocumentListener> listeners = new CopyOnWriteArrayList<>();
    private volatile PixelImage image;
    private volatile Path path;
    private volatile PixelImage result;
    private volatile ProviderDescriptor resultProvider;
    private volatile Job running;

    /** Created by dependency injection. */
    @Inject
    public ImageDocument(UISynchronize sync) {
        this.sync = sync;
    }

    /** Starts hearing about changes. */
    public void addListener(DocumentListener l) {
        listeners.add(l);
    }

    /** Stops hearing about changes. */
    public void removeListener(DocumentListener l) {
        listeners.remove(l);
    }

    /** The open image, or null. */
    public PixelImage image() {
        return image;
    }

    /** The file the open image came from, or null for a bundled sample. */
    public Path path() {
        return path;
    }

    /** The last result, or null. */
    public PixelImage result() {
        return result;
    }

    /** Who made the last result, or null. */
    public ProviderDescriptor resultProvider() {
        return resultProvider;
    }

    /** Whether a job is running. */
    public boolean isBusy() {
        return running != null;
    }

    /** Opens a file in the background; the returned job can be joined. */
    public Job open(Path file) {
        return start("Opening " + file.getFileName(), () -> ImageFiles.read(file), file);
    }

    /** Opens a bundled sample in the background. */
    public Job open(Sample sample) {
        return start("Opening " + sample.fileName(), () -> {
            try (InputStream in = sample.open()) {
                return ImageFiles.read(in, sample.fileName(), ReadOptions.defaults());
            } catch (IOException e) {
                throw LoupeException.badInput(sample.fileName(), e.getMessage(), e);
            }
        }, null);
    }

    /** Runs an enhancer on the open image in the background; the result replaces the previous one. */
    public Job run(ProviderHandle<ImageEnhancer> enhancer, Parameters parameters) {
        PixelImage input = image;
        ProviderDescriptor d = enhancer.descriptor();
        Job job = Job.create(d.name(), monitor -> {
            long start = System.nanoTime();
            long[] lastReport = {0};
            ProcessingContext ctx = ProcessingContext.builder().parameters(parameters)
                    .cancelWhen(monitor::isCanceled)
                    .onProgress((f, m) -> {
                        long now = System.nanoTime();
                        synchronized (lastReport) {
                            if (now - lastReport[0] < PROGRESS_INTERVAL_NS && f < 1) {
                                return;
                            }
                            lastReport[0] = now;
                        }
                        fire(l -> l.progress(f, d.id() + ": " + m));
                    }).build();
            try {
                PixelImage out = enhancer.call(e -> e.enhance(input, ctx));
                long ms = (System.nanoTime() - start) / 1_000_000;
                sync.asyncExec(() -> {
                    result = out;
                    resultProvider = d;
                    listeners.forEach(DocumentListener::resultChanged);
                });
                done(true, d.id() + " " + d.version() + " finished in " + ms + " ms " + parameters.asText());
                return Status.OK_STATUS;
            } catch (LoupeException e) {
                done(false, e.reason() == LoupeException.Reason.CANCELLED ? d.id() + " cancelled" : e.getMessage());
                return Status.CANCEL_STATUS;
            }
        });
        return schedule(job);
    }

    /** Asks the running job to stop. */
    public void cancel() {
        Job j = running;
        if (j != null) {
            j.cancel();
        }
    }

    /**
     * Saves the result in the format the file name says; refuses to overwrite the open image's own file.
     *
     * @throws LoupeException USAGE if there is no result or the target is the input, else as {@link ImageFiles#write}
     */
    public void saveResult(Path target) throws LoupeException {
        PixelImage r = result;
        if (r == null) {
            throw LoupeException.usage("there is no result to save yet");
        }
        Path source = path;
        try {
            if (source != null && Files.exists(target) && Files.isSameFile(source, target)) {
                throw LoupeException.usage("refusing to overwrite the input image " + target);
            }
        } catch (IOException e) {
            throw LoupeException.badInput(target.toString(), e.getMessage(), e);
        }
        ImageFormat format = ImageFormat.fromFileName(target.getFileName().toString()).orElse(ImageFormat.TIFF);
        ImageFiles.write(r, target, format);
    }

    /** Reads an image; runs in a background job. */
    @FunctionalInterface
    private interface Loader {
        PixelImage load() throws LoupeException;
    }

    private Job start(String name, Loader loader, Path source) {
        Job job = Job.create(name, monitor -> {
            try {
                PixelImage loaded = loader.load();
                sync.asyncExec(() -> {
                    image = loaded;
                    path = source;
                    result = null;
                    resultProvider = null;
                    listeners.forEach(DocumentListener::imageChanged);
                });
                done(true, "opened " + loaded.metadata().name() + " (" + loaded.type() + " " + loaded.width() + "x"
                        + loaded.height() + ")");
                return Status.OK_STATUS;
            } catch (LoupeException e) {
                done(false, e.getMessage());
                return Status.CANCEL_STATUS;
            }
        });
        return schedule(job);
    }

    // jobs end OK or CANCEL, never ERROR: failures reach the user through the listeners' one-line messages
    private Job schedule(Job job) {
        job.setUser(true);
        running = job;
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                if (running == job) {
                    running = null;
                }
            }
        });
        job.schedule();
        return job;
    }

    private void done(boolean ok, String message) {
        fire(l -> l.finished(ok, message));
    }

    private void fire(Consumer<DocumentListener> event) {
        sync.asyncExec(() -> listeners.forEach(event));
    }
}
