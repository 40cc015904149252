package org.loupe.ui;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.ui.di.UISynchronize;
import org.loupe.api.DefectClassifier;
import org.loupe.api.DefectDetector;
import org.loupe.api.Detection;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.ImageMetric;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.MetricValue;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderDescriptor;
import org.loupe.data.detection.DetectionDatasets;
import org.loupe.image.PixelImage;
import org.loupe.image.WindowLevel;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ImageFormat;
import org.loupe.image.io.ReadOptions;
import org.loupe.metrics.detection.AnnotatedImage;
import org.loupe.metrics.detection.ImageErrors;
import org.loupe.metrics.detection.MatchRule;
import org.loupe.metrics.image.LineProfile;
import org.loupe.pipeline.PatchInspection;
import org.loupe.registry.ProviderHandle;
import org.loupe.samples.Sample;

/**
 * The image open in the workbench, its reference (a golden template, or a better image of the same scene), the
 * result of the last enhancer run on it, and the marks of the last inspection (detections or patch decisions).
 * Opening, enhancing and inspecting run as cancellable background jobs; listeners hear about every change on the UI
 * thread. One per workbench.
 */
@Creatable
@Singleton
public final class ImageDocument {

    private static final long PROGRESS_INTERVAL_NS = 50_000_000;
    /** How long a cancelled job's provider is given to stop before the document lets go of the job. */
    private static final long CANCEL_GRACE_MS = 2_000;

    private final UISynchronize sync;
    private final List<DocumentListener> listeners = new CopyOnWriteArrayList<>();
    private volatile PixelImage image;
    private volatile Path path;
    private volatile PixelImage reference;
    private volatile Path referencePath;
    private volatile SessionSteps session = new SessionSteps();
    private volatile PixelImage result;
    private volatile ProviderDescriptor resultProvider;
    private volatile boolean resultSaved;
    private volatile Path lastSaveFolder;
    private volatile long memoryBudget;
    private volatile List<Mark> marks = List.of();
    private volatile Mark selected;
    private volatile WindowLevel displayWindow;
    private volatile LineProfile profile;
    private volatile ReadOptions readOptions = ReadOptions.defaults();
    private volatile DetectionDatasets.ImageTruth truth;
    private volatile boolean truthShown;
    private volatile List<Measurement> measurements = List.of();
    private final Deque<Snapshot> undo = new ArrayDeque<>();
    private final Deque<Snapshot> redo = new ArrayDeque<>();
    private volatile Job running;
    /** Jobs let go of after Cancel: whatever their provider returns later is dropped. */
    private final Set<Job> abandoned = ConcurrentHashMap.newKeySet();
    /** Jobs that ended before Cancel was clicked but whose outcome was not shown yet: it is dropped. */
    private final Set<Job> cancelledLate = ConcurrentHashMap.newKeySet();
    /** The job whose outcome waits for the UI thread, or null. */
    private volatile Job unapplied;

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

    /** The reference image, the same size as the open image, or null. */
    public PixelImage reference() {
        return reference;
    }

    /** The last result, or null. */
    public PixelImage result() {
        return result;
    }

    /** Who made the last result, or null. */
    public ProviderDescriptor resultProvider() {
        return resultProvider;
    }

    /** The marks of the last detection or patch classification on the open image; empty if none. */
    public List<Mark> marks() {
        return marks;
    }

    /** The annotations of the open image where its data set keeps them (DeepPCB, COCO, YOLO), or null. */
    public DetectionDatasets.ImageTruth groundTruth() {
        return truth;
    }

    /** Whether the ground truth is laid over the detections. */
    public boolean truthShown() {
        return truthShown && truth != null;
    }

    /** Lays the ground truth over the detections, or takes it away; on the UI thread. */
    public void showTruth(boolean shown) {
        truthShown = shown;
        listeners.forEach(DocumentListener::marksChanged);
    }

    /**
     * What became of the marks and the annotated objects: detections matched as {@code eval detect} matches them
     * (DeepPCB's rule for DeepPCB boards, IoU 0.5 otherwise), failing patches by overlap
     * ({@link ImageErrors#ofRegions}); an object is missed when neither found it. Null without ground truth.
     */
    public ImageErrors truthErrors() {
        DetectionDatasets.ImageTruth t = truth;
        if (t == null) {
            return null;
        }
        List<Mark> now = marks;
        List<Detection> found = now.stream().filter(m -> m.kind() == Mark.Kind.DETECTION).map(Mark::detection)
                .toList();
        List<Detection> flagged = now.stream().filter(m -> m.kind() == Mark.Kind.PATCH && !m.passing())
                .map(Mark::detection).toList();
        // without failing patches the second matching finds nothing and misses everything: the boxes' alone remains
        return ImageErrors.of(new AnnotatedImage(image.metadata().name(), t.truth(), found),
                t.layout() == DetectionDatasets.Layout.DEEPPCB ? MatchRule.DEEPPCB : MatchRule.VOC, 0)
                .and(ImageErrors.ofRegions(flagged, t.truth()));
    }

    /** The display window the image view shows, or null before it shows one. */
    public WindowLevel displayWindow() {
        return displayWindow;
    }

    /** Sets the pixel limit for opening images (the workbench's preference; the command line's --max-pixels). */
    public void setMaxPixels(long pixels) {
        readOptions = new ReadOptions(pixels);
    }

    /** Records the display window the image view shows, so that saved pictures look as the view does. */
    public void setDisplayWindow(WindowLevel window) {
        displayWindow = window;
        listeners.forEach(DocumentListener::windowChanged);
    }

    /**
     * Measures the open image along a line {x0, y0, x1, y1} in its pixel coordinates, keeps the profile for the
     * Profile view and tells the listeners. On the UI thread.
     */
    public LineProfile profile(double[] line) {
        profile = LineProfile.of(requireImage(), line[0], line[1], line[2], line[3]);
        listeners.forEach(DocumentListener::profileChanged);
        return profile;
    }

    /** The last line profile on the open image, or null. */
    public LineProfile profile() {
        return profile;
    }

    /** The mark chosen in the findings table or on the image, or null. */
    public Mark selected() {
        Mark m = selected;
        return m != null && marks.contains(m) ? m : null;
    }

    /** Chooses a mark (null for none), so that the table and the image show the same one; on the UI thread. */
    public void select(Mark mark) {
        if (mark != selected) {
            selected = mark;
            listeners.forEach(DocumentListener::selectionChanged);
        }
    }

    /** The reference's file, or null if there is no reference or it did not come from a file. */
    public Path referencePath() {
        return referencePath;
    }

    /** What was run on the open image, to be saved as a pipeline. */
    public SessionSteps session() {
        return session;
    }

    /** Whether a job is running. */
    public boolean isBusy() {
        return running != null;
    }

    /**
     * Opens a file in the background with the reference that belongs to it (see {@link ReferenceFinder}): a template
     * of another image is never kept. The job can be joined.
     */
    public Job open(Path file) {
        Path lastImage = path;
        Path lastReference = referencePath;
        return schedule("Opening " + file.getFileName(), Parameters.defaults(List.of()), ctx -> {
            PixelImage loaded = ImageFiles.read(file, readOptions);
            Path refFile = ReferenceFinder.of(file, lastImage, lastReference).orElse(null);
            PixelImage ref = null;
            String note = "";
            if (refFile != null) {
                try {
                    ref = sameSize(ImageFiles.read(refFile, readOptions), refFile.toString(), loaded);
                    note = " with its reference " + refFile.getFileName();
                } catch (LoupeException e) {
                    refFile = null;
                    note = "; its reference was not opened: " + e.getMessage();
                }
            }
            PixelImage shownRef = ref;
            Path shownRefFile = refFile;
            StringBuilder message = new StringBuilder(opened(loaded) + note);
            DetectionDatasets.ImageTruth annotations = annotations(file, message);
            return new Outcome(() -> showImage(loaded, file, shownRef, shownRefFile, annotations),
                    message.toString());
        });
    }

    /**
     * Opens a file with marks already found for it (e.g. a pipeline run's detections), and its reference if one is
     * given; the job can be joined.
     */
    public Job open(Path file, Path referenceFile, List<Mark> found) {
        return schedule("Opening " + file.getFileName(), Parameters.defaults(List.of()), ctx -> {
            PixelImage loaded = ImageFiles.read(file, readOptions);
            PixelImage ref = referenceFile == null ? null : sameSize(ImageFiles.read(referenceFile, readOptions),
                    referenceFile.toString(), loaded);
            StringBuilder message = new StringBuilder(opened(loaded) + counts(found));
            DetectionDatasets.ImageTruth annotations = annotations(file, message);
            return new Outcome(() -> {
                showImage(loaded, file, ref, referenceFile, annotations);
                showMarks(loaded, found);
            }, message.toString());
        });
    }

    /** Opens a bundled sample, and its reference image if it has one, in the background. */
    public Job open(Sample sample) {
        return schedule("Opening " + sample.fileName(), Parameters.defaults(List.of()), ctx -> {
            PixelImage loaded = read(sample.fileName(), sample::open);
            PixelImage ref = sample.reference() == null ? null : sameSize(read(sample.reference(),
                    sample::openReference), sample.reference(), loaded);
            return new Outcome(() -> showImage(loaded, null, ref, null), opened(loaded)
                    + (ref == null ? "" : " with its reference " + sample.reference()));
        });
    }

    /**
     * Opens the reference for the open image: the golden template a comparing detector or classifier needs.
     *
     * @throws IllegalStateException if no image is open
     */
    public Job openReference(Path file) {
        PixelImage open = requireImage();
        return schedule("Opening reference " + file.getFileName(), Parameters.defaults(List.of()), ctx -> {
            PixelImage loaded = sameSize(ImageFiles.read(file), file.toString(), open);
            return new Outcome(() -> {
                if (image == open) {
                    reference = loaded;
                    referencePath = file;
                    listeners.forEach(DocumentListener::referenceChanged);
                    // marks found against the old reference say nothing about the new one
                    marks = List.of();
                    listeners.forEach(DocumentListener::marksChanged);
                }
            }, "reference " + file.getFileName() + " opened");
        });
    }

    /** Runs an enhancer on the open image in the background; the result replaces the previous one. */
    public Job run(ProviderHandle<ImageEnhancer> enhancer, Parameters parameters) {
        PixelImage input = requireImage();
        ProviderDescriptor d = enhancer.descriptor();
        return schedule(d.name(), parameters, ctx -> {
            // refused before the provider starts: failing after minutes, with the process grown by gigabytes, is worse
            long need = enhancer.call(e -> e.workingBytes(input.type(), input.width(), input.height(), parameters));
            long free = memoryFree();
            if (need > free) {
                throw LoupeException.usage(String.format(Locale.ROOT, "%s needs about %.1f GB for this image with "
                        + "%s, more than the %.1f GB of memory Loupe has free; choose smaller settings or a smaller "
                        + "image", d.name(), need / 1e9, parameters.asText(), free / 1e9));
            }
            PixelImage out = enhancer.call(e -> e.enhance(input, ctx));
            return new Outcome(() -> {
                if (image == input) {
                    result = out;
                    resultProvider = d;
                    resultSaved = false;
                    session.enhanced(d.id(), parameters.asText());
                    listeners.forEach(DocumentListener::resultChanged);
                }
            }, d.id() + " " + d.version() + " finished " + parameters.asText());
        });
    }

    /** Runs a detector on the open image, against the reference if there is one; its boxes become the marks. */
    public Job detect(ProviderHandle<DefectDetector> detector, Parameters parameters) {
        PixelImage input = requireImage();
        PixelImage ref = reference;
        ProviderDescriptor d = detector.descriptor();
        return schedule(d.name(), parameters, ctx -> {
            List<Mark> found = Mark.of(detector.call(k -> k.detect(input, ref, ctx)));
            return new Outcome(() -> {
                if (image == input) {
                    session.detected(d.id(), parameters.asText(), ref != null);
                }
                showMarks(input, found, Mark.Kind.DETECTION);
            }, d.id() + " found " + found.size()
                    + counts(found));
        });
    }

    /**
     * One metric of the open image, and of the result, against the reference.
     *
     * @param metric the metric provider's id
     * @param input  the input's value
     * @param result the result's value, or NaN without a result of the reference's size
     * @param unit   the value's unit ("dB"), or empty
     */
    public record Measurement(String metric, double input, double result, String unit) {
    }

    /**
     * Measures the open image, and the result where it has the reference's size, against the reference with each
     * metric, in the background; {@link #measurements()} holds the values when the job is done.
     *
     * @throws IllegalStateException if no image or no reference is open
     */
    public Job measure(List<ProviderHandle<ImageMetric>> metrics) {
        PixelImage input = requireImage();
        PixelImage ref = reference;
        PixelImage out = result;
        if (ref == null) {
            throw new IllegalStateException("there is no reference to measure against");
        }
        return schedule("Measuring against the reference", Parameters.defaults(List.of()), ctx -> {
            List<Measurement> values = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (ProviderHandle<ImageMetric> m : metrics) {
                ctx.checkCancelled();
                Parameters p = Parameters.defaults(m.call(LoupeService::parameters));
                MetricValue in = m.call(k -> k.measure(input, ref, ProcessingContext.of(p)));
                double after = out != null && out.width() == ref.width() && out.height() == ref.height()
                        ? m.call(k -> k.measure(out, ref, ProcessingContext.of(p))).value() : Double.NaN;
                values.add(new Measurement(m.descriptor().id(), in.value(), after, in.unit()));
                line.append(line.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s input %.4g%s",
                        in.metric(), in.value(), in.unit().isEmpty() ? "" : " " + in.unit()));
                if (!Double.isNaN(after)) {
                    line.append(String.format(Locale.ROOT, ", result %.4g", after));
                }
            }
            return new Outcome(() -> {
                if (image == input) {
                    measurements = List.copyOf(values);
                }
            }, "measured against the reference: " + line);
        });
    }

    /** What Use Result as Input changes, kept so that it can be undone and redone. */
    private record Snapshot(PixelImage image, PixelImage reference, Path referencePath, PixelImage result,
            ProviderDescriptor resultProvider, SessionSteps session) {
    }

    /**
     * Makes the result the input, so that the next enhancer, detector or classifier works on it (a chain such as
     * denoise, then sharpen); the reference and marks go if they no longer fit. Undoable. On the UI thread.
     *
     * @throws IllegalStateException if there is no result or a job is running
     */
    public void useResultAsInput() {
        if (result == null || isBusy()) {
            throw new IllegalStateException(result == null ? "there is no result to use" : "a job is running");
        }
        undo.push(snapshot());
        redo.clear();
        SessionSteps next = session.copy();
        next.chain();
        boolean fits = reference != null && reference.width() == result.width()
                && reference.height() == result.height();
        apply(new Snapshot(result, fits ? reference : null, fits ? referencePath : null, null, null, next));
    }

    /** Whether Use Result as Input can be undone. */
    public boolean canUndo() {
        return !undo.isEmpty() && !isBusy();
    }

    /** Whether an undone Use Result as Input can be redone. */
    public boolean canRedo() {
        return !redo.isEmpty() && !isBusy();
    }

    /** Undoes the last Use Result as Input: the earlier input and its result come back. On the UI thread. */
    public void undo() {
        if (canUndo()) {
            redo.push(snapshot());
            apply(undo.pop());
        }
    }

    /** Redoes the last undone Use Result as Input. On the UI thread. */
    public void redo() {
        if (canRedo()) {
            undo.push(snapshot());
            apply(redo.pop());
        }
    }

    private Snapshot snapshot() {
        return new Snapshot(image, reference, referencePath, result, resultProvider, session.copy());
    }

    private void apply(Snapshot s) {
        if (image != null && (s.image().width() != image.width() || s.image().height() != image.height())) {
            truth = null; // annotations are boxes in the file's pixels: a resized chain no longer fits them
            truthShown = false;
        }
        image = s.image();
        reference = s.reference();
        referencePath = s.referencePath();
        result = s.result();
        resultProvider = s.resultProvider();
        resultSaved = false;
        session = s.session();
        marks = List.of();
        measurements = List.of();
        listeners.forEach(DocumentListener::imageChanged);
        listeners.forEach(DocumentListener::resultChanged);
    }

    /** The values of the last measurement of the open image, or empty. */
    public List<Measurement> measurements() {
        return measurements;
    }

    /** Classifies the open image patch by patch against the reference; the decisions become the marks. */
    public Job classifyPatches(ProviderHandle<DefectClassifier> classifier, Parameters parameters, int side) {
        PixelImage input = requireImage();
        PixelImage ref = reference;
        ProviderDescriptor d = classifier.descriptor();
        return schedule(d.name(), parameters, ctx -> {
            List<Mark> decided = PatchInspection.classify(input, ref, side, classifier, ctx).stream()
                    .map(p -> new Mark(Mark.Kind.PATCH, p.window().x(), p.window().y(), p.window().x() + side,
                            p.window().y() + side, p.verdict().label(), p.verdict().confidence())).toList();
            return new Outcome(() -> {
                if (image == input) {
                    session.classified(d.id(), parameters.asText(), side, ref != null);
                }
                showMarks(input, decided, Mark.Kind.PATCH);
            }, d.id() + " decided " + decided.size() + " patches"
                    + counts(decided));
        });
    }

    /**
     * Asks the running job to stop; Cancel wins whenever it comes before the result is shown, even if the provider
     * has finished. A provider that does not stop within two seconds cannot be stopped from Java: the document lets
     * go of the job (it takes new work at once), whatever the provider returns later is dropped, and its thread is
     * left to end by itself.
     */
    public void cancel() {
        Job ended = unapplied;
        if (ended != null) {
            cancelledLate.add(ended); // its provider has finished, but the result is not shown yet: drop it
        }
        Job j = running;
        if (j == null) {
            return;
        }
        j.cancel();
        Thread watch = new Thread(() -> {
            try {
                if (!j.join(CANCEL_GRACE_MS, null) && running == j) {
                    abandoned.add(j);
                    running = null;
                    done(false, j.getName() + " cancelled; its provider did not stop when asked and is left running");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "loupe-cancel " + j.getName());
        watch.setDaemon(true);
        watch.start();
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
        if (format.orTiffFor(r.type()) != format) {
            // the name is the user's own choice: say so rather than write another format under it
            throw LoupeException.usage(format + " cannot store " + r.type() + "; save it as .tif");
        }
        ImageFiles.write(r, target, format);
        if (result == r) {
            resultSaved = true;
        }
        lastSaveFolder = target.toAbsolutePath().getParent();
    }

    /**
     * Sets the most memory a job may plan to use, in bytes; 0 (the default) means half the Java heap, the rest being
     * for the views of the input and the result and the collector's room. Never more than the heap has free.
     */
    public void setMemoryBudget(long bytes) {
        memoryBudget = bytes;
    }

    private long memoryFree() {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        return Math.min(memoryBudget > 0 ? memoryBudget : rt.maxMemory() / 2, free);
    }

    /** Whether there is a result that has not been saved since it was made. */
    public boolean unsavedResult() {
        return result != null && !resultSaved;
    }

    /** The folder the last result was saved in during this session, or null. */
    public Path lastSaveFolder() {
        return lastSaveFolder;
    }

    /** The work of a job, run in the background. */
    @FunctionalInterface
    private interface Work {
        Outcome run(ProcessingContext ctx) throws LoupeException;
    }

    /** What a job changes, applied on the UI thread, and the line that reports it. */
    private record Outcome(Runnable apply, String message) {
    }

    /** Opens a bundled file's bytes. */
    @FunctionalInterface
    private interface Source {
        InputStream open() throws IOException;
    }

    /** An image's annotations where its data set keeps them, or null; a damaged file is named in the message. */
    private static DetectionDatasets.ImageTruth annotations(Path file, StringBuilder message) {
        try {
            return DetectionDatasets.truthOf(file).orElse(null);
        } catch (LoupeException e) {
            message.append("; its annotations were not read: ").append(e.getMessage());
            return null;
        }
    }

    private PixelImage requireImage() {
        PixelImage open = image;
        if (open == null) {
            throw new IllegalStateException("no image is open");
        }
        return open;
    }

    private void showImage(PixelImage loaded, Path source, PixelImage ref, Path refSource) {
        showImage(loaded, source, ref, refSource, null);
    }

    private void showImage(PixelImage loaded, Path source, PixelImage ref, Path refSource,
            DetectionDatasets.ImageTruth annotations) {
        image = loaded;
        path = source;
        reference = ref;
        referencePath = ref == null ? null : refSource;
        session = new SessionSteps();
        result = null;
        resultProvider = null;
        resultSaved = false;
        truth = annotations;
        truthShown = false;
        profile = null;
        measurements = List.of();
        undo.clear();
        redo.clear();
        marks = List.of();
        listeners.forEach(DocumentListener::imageChanged);
    }

    private void showMarks(PixelImage input, List<Mark> found) {
        if (image == input) { // the user may have opened another image meanwhile
            marks = found;
            listeners.forEach(DocumentListener::marksChanged);
        }
    }

    /** Replaces the marks of one kind: a patch classification keeps the detections, and the other way round. */
    private void showMarks(PixelImage input, List<Mark> found, Mark.Kind kind) {
        List<Mark> kept = new ArrayList<>(marks.stream().filter(m -> m.kind() != kind).toList());
        kept.addAll(found);
        showMarks(input, List.copyOf(kept));
    }

    private static PixelImage sameSize(PixelImage ref, String name, PixelImage open) throws LoupeException {
        if (ref.width() != open.width() || ref.height() != open.height()) {
            throw LoupeException.badInput(name, "is " + ref.width() + "x" + ref.height() + " but the open image is "
                    + open.width() + "x" + open.height() + "; a reference must be aligned with it");
        }
        return ref;
    }

    private static PixelImage read(String name, Source source) throws LoupeException {
        try (InputStream in = source.open()) {
            return ImageFiles.read(in, name, ReadOptions.defaults());
        } catch (IOException e) {
            throw LoupeException.badInput(name, e.getMessage(), e);
        }
    }

    private static String opened(PixelImage loaded) {
        return "opened " + loaded.metadata().name() + " (" + loaded.type() + " " + loaded.width() + "x"
                + loaded.height() + ")";
    }

    /** ": 3 open, 2 short" */
    private static String counts(List<Mark> found) {
        Map<String, Integer> by = new TreeMap<>();
        found.forEach(m -> by.merge(m.label(), 1, Integer::sum));
        StringBuilder s = new StringBuilder();
        by.forEach((label, n) -> s.append(s.length() == 0 ? ": " : ", ").append(n).append(' ').append(label));
        return s.toString();
    }

    // jobs end OK or CANCEL, never ERROR: failures reach the user through the listeners' one-line messages
    private Job schedule(String name, Parameters parameters, Work work) {
        Job[] self = new Job[1];
        Job job = Job.create(name, monitor -> {
            long start = System.nanoTime();
            try {
                Outcome o = work.run(context(name, parameters, monitor::isCanceled));
                if (abandoned.remove(self[0])) {
                    return Status.CANCEL_STATUS; // the user was told it was cancelled; its late result is dropped
                }
                if (monitor.isCanceled()) {
                    done(false, name + " cancelled"); // a provider that finished anyway: Cancel still wins
                    return Status.CANCEL_STATUS;
                }
                String message = String.format(Locale.ROOT, "%s in %d ms", o.message(),
                        (System.nanoTime() - start) / 1_000_000);
                unapplied = self[0];
                sync.asyncExec(() -> apply(self[0], name, o, message));
                return Status.OK_STATUS;
            } catch (LoupeException e) {
                if (!abandoned.remove(self[0])) {
                    done(false, e.reason() == LoupeException.Reason.CANCELLED ? name + " cancelled" : e.getMessage());
                }
                return Status.CANCEL_STATUS;
            }
        });
        self[0] = job;
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

    /** Shows a job's outcome on the UI thread, unless Cancel was clicked after the job ended and before this. */
    private void apply(Job job, String name, Outcome o, String message) {
        if (unapplied == job) {
            unapplied = null;
        }
        if (cancelledLate.remove(job)) {
            listeners.forEach(l -> l.finished(false, name + " cancelled"));
            return;
        }
        o.apply().run();
        listeners.forEach(l -> l.finished(true, message));
    }

    /** A context that reports progress at most every 50 ms (and always the end) and stops when the job is cancelled. */
    private ProcessingContext context(String name, Parameters parameters, BooleanSupplier cancel) {
        long[] lastReport = {0};
        return ProcessingContext.builder().parameters(parameters).cancelWhen(cancel).onProgress((f, m) -> {
            long now = System.nanoTime();
            synchronized (lastReport) {
                if (now - lastReport[0] < PROGRESS_INTERVAL_NS && f < 1) {
                    return;
                }
                lastReport[0] = now;
            }
            fire(l -> l.progress(f, name + ": " + m));
        }).build();
    }

    private void done(boolean ok, String message) {
        fire(l -> l.finished(ok, message));
    }

    private void fire(Consumer<DocumentListener> event) {
        sync.asyncExec(() -> listeners.forEach(event));
    }
}
