package org.loupe.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What to train on and where to put the result. Training settings travel as the context's parameters.
 *
 * @param dataset     the training data, a folder or file whose layout the trainer documents; read only
 * @param output      the model folder to write
 * @param checkpoints folder for checkpoints (resuming reads it); the trainer picks one beside the output if null
 * @param resume      whether to continue from the last checkpoint
 * @param events      receives a progress event every few steps, on the training thread
 */
public record TrainingRequest(Path dataset, Path output, Path checkpoints, boolean resume,
        Consumer<TrainingEvent> events) {

    /** Checks the paths and defaults the listener and checkpoint folder. */
    public TrainingRequest {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(output, "output");
        output = output.toAbsolutePath();
        if (checkpoints == null) {
            checkpoints = output.resolveSibling(output.getFileName() + ".checkpoints");
        }
        events = events == null ? e -> { } : events;
    }
}
