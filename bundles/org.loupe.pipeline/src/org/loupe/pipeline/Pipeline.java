package org.loupe.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * A job described once and run again: which inputs, which steps, which outputs. Read from a pipeline file by
 * {@link PipelineReader}, run by {@link BatchRunner}; the command line ({@code loupe run}) and the workbench are two
 * faces of the same thing.
 *
 * @param name     a label for reports
 * @param match    which files of an input folder are inputs, binding {@code {name}} for the steps' references
 * @param paths    the inputs the pipeline names (folders, globs, list files), used when the run names none
 * @param steps    in order
 * @param format   the format of output images (a file extension), or null to keep each input's where it can hold
 *                 the result
 * @param images   whether the image after the enhance steps is written (if there is any enhance step)
 * @param source   the text the pipeline was read from, which identifies it in the run's records
 * @param volumes  whether its inputs are volumes (DICOM series folders, NIfTI files) rather than images
 */
public record Pipeline(String name, NameRule match, List<String> paths, List<Step> steps, String format,
        boolean images, String source, boolean volumes) {

    /** Copies the lists. */
    public Pipeline {
        paths = List.copyOf(paths);
        steps = List.copyOf(steps);
    }

    /** A pipeline of images. */
    public Pipeline(String name, NameRule match, List<String> paths, List<Step> steps, String format, boolean images,
            String source) {
        this(name, match, paths, steps, format, images, source, false);
    }

    /** The detect step (a pipeline has at most one), if there is one. */
    public Optional<Step.Detect> detectStep() {
        return steps.stream().filter(s -> s instanceof Step.Detect).map(s -> (Step.Detect) s).findFirst();
    }

    /** The same pipeline (same source, so the same identity in records) with other steps. */
    public Pipeline withSteps(List<Step> newSteps) {
        return new Pipeline(name, match, paths, newSteps, format, images, source, volumes);
    }

    /** Whether any step transforms the image. */
    public boolean enhances() {
        return steps.stream().anyMatch(s -> s instanceof Step.Enhance);
    }
}
