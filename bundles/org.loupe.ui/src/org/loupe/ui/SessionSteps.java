package org.loupe.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.loupe.api.LoupeException;
import org.loupe.image.io.AtomicFiles;
import org.loupe.pipeline.NameRule;
import org.loupe.pipeline.Pipeline;
import org.loupe.pipeline.PipelineReader;
import org.loupe.pipeline.PipelineWriter;
import org.loupe.pipeline.Step;
import org.loupe.registry.ProviderRegistry;

/**
 * What the analyst ran on the open image, kept as pipeline steps so the session can be saved as a pipeline file and
 * run on tomorrow's folder. In the workbench every operation works on the image as opened (or as chained with Use
 * Result as Input), and a later run of the same kind replaces the earlier result; the saved pipeline therefore holds
 * the chained enhancements in order, then the last detect and the last classify (which leave the image unchanged),
 * then the last enhance, and so does to each input exactly what was done here.
 */
public final class SessionSteps {

    /** Enhancements whose results became the input (Image > Use Result as Input), in order. */
    private final List<Step.Enhance> chained = new ArrayList<>();
    private Step.Enhance enhance;
    private Step.Detect detect;
    private Step.Classify classify;
    private boolean detectUsedReference;
    private boolean classifyUsedReference;

    /** Makes the last enhancement part of the input: later steps work on its result. */
    synchronized void chain() {
        if (enhance != null) {
            chained.add(enhance);
            enhance = null;
        }
        // what was detected or classified on the earlier input says nothing about the new one
        detect = null;
        classify = null;
    }

    /** A copy, for undo. */
    synchronized SessionSteps copy() {
        SessionSteps c = new SessionSteps();
        c.chained.addAll(chained);
        c.enhance = enhance;
        c.detect = detect;
        c.classify = classify;
        c.detectUsedReference = detectUsedReference;
        c.classifyUsedReference = classifyUsedReference;
        return c;
    }

    /** Records an enhancer run. */
    synchronized void enhanced(String id, Map<String, String> params) {
        enhance = new Step.Enhance(id, params);
    }

    /** Records a detector run, and whether it compared with the reference. */
    synchronized void detected(String id, Map<String, String> params, boolean withReference) {
        detect = new Step.Detect(id, params, null, 0, null);
        detectUsedReference = withReference;
    }

    /** Records a patch-by-patch classification, and whether it compared with the reference. */
    synchronized void classified(String id, Map<String, String> params, int side, boolean withReference) {
        classify = new Step.Classify(id, params, null, side);
        classifyUsedReference = withReference;
    }

    /** What was applied, in order, one line each: the chained enhancements, then the current result and marks. */
    public synchronized List<String> history() {
        List<String> lines = new ArrayList<>();
        chained.forEach(e -> lines.add(e.provider() + " " + e.params() + ": used as input"));
        if (detect != null) {
            lines.add(detect.provider() + " " + detect.params() + ": detections" + (detectUsedReference
                    ? " against the reference" : ""));
        }
        if (classify != null) {
            lines.add(classify.provider() + " " + classify.params() + ": patch decisions, " + classify.patch()
                    + " px");
        }
        if (enhance != null) {
            lines.add(enhance.provider() + " " + enhance.params() + ": the result");
        }
        return lines;
    }

    /** Whether nothing has been run on the open image yet. */
    public synchronized boolean isEmpty() {
        return chained.isEmpty() && enhance == null && detect == null && classify == null;
    }

    /**
     * The session as a pipeline: its inputs are the files of the image's folder that fit the rule relating the
     * image to its reference (or all its images, with no reference), every detection is kept (score threshold 0,
     * as the workbench shows them), and the enhanced image is written.
     *
     * @param image     the open image's file, or null (a bundled sample: the pipeline then names no inputs)
     * @param reference the reference's file, or null
     * @throws LoupeException USAGE if nothing was run, or a step used a reference that was not opened from a file
     */
    public synchronized Pipeline toPipeline(String name, Path image, Path reference) throws LoupeException {
        if (isEmpty()) {
            throw LoupeException.usage("nothing has been run on this image yet: run an enhancer, a detector or a "
                    + "patch classification first");
        }
        boolean needsReference = detect != null && detectUsedReference || classify != null && classifyUsedReference;
        if (needsReference && (reference == null || image == null)) {
            throw LoupeException.usage("the reference was not opened from a file beside the image, so no rule can "
                    + "name it for other inputs; open both with File > Open and File > Open Reference");
        }
        NameRule.Relation relation = reference != null && image != null ? NameRule.relating(image, reference) : null;
        NameRule match = relation != null ? relation.match() : NameRule.ANY_IMAGE;
        List<Step> steps = new ArrayList<>(chained);
        if (detect != null) {
            steps.add(new Step.Detect(detect.provider(), detect.params(), detectUsedReference ? relation.reference()
                    : null, 0, null));
        }
        if (classify != null) {
            steps.add(new Step.Classify(classify.provider(), classify.params(), classifyUsedReference
                    ? relation.reference() : null, classify.patch()));
        }
        if (enhance != null) {
            steps.add(enhance);
        }
        List<String> paths = image == null ? List.of() : List.of(image.toAbsolutePath().getParent().toString());
        return new Pipeline(name, match, paths, steps, null, true, "");
    }

    /**
     * Saves the session as a pipeline file, after reading the text back as {@code loupe run} will, so that what is
     * saved is known to run.
     */
    public Pipeline save(Path file, ProviderRegistry registry, Path image, Path reference) throws LoupeException {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        String text = PipelineWriter.toJson(toPipeline(name, image, reference));
        Pipeline checked = new PipelineReader(registry).parse(file.toString(), text);
        try {
            AtomicFiles.writeString(file, text);
        } catch (IOException e) {
            throw LoupeException.badInput(file.toString(), "cannot be written (" + e.getMessage() + ")", e);
        }
        return checked;
    }
}
