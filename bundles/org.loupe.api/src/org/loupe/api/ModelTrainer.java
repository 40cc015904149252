package org.loupe.api;

/**
 * Trains a model from a dataset and writes it where it is asked to, e.g. the network an enhancer of the same id
 * runs. Registered as a DS service with {@link LoupeProvider} metadata; its {@link #parameters()} are the training
 * settings (epochs, learning rate, patch size, ...). Training a model from data the project has, with this one
 * command, is how every shipped model is made.
 */
public interface ModelTrainer extends LoupeService {

    /**
     * Trains, reporting progress through the request's listener, and writes the model folder atomically: an
     * existing model at the output is replaced only once the new one is complete.
     *
     * @throws LoupeException INPUT for a missing or malformed dataset or an unwritable output, USAGE for a resume
     *                        without a checkpoint, CANCELLED if cancelled (the last checkpoint stays usable)
     */
    TrainingResult train(TrainingRequest request, ProcessingContext ctx) throws LoupeException;
}
