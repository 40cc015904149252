package org.loupe.tensorflow.train;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A network's layers, as code that can be run twice: once into the training graph and once into a clean graph for
 * export, which then holds only the inference path (no loss, gradients or optimizer) and the trained weights.
 */
@FunctionalInterface
public interface ModelDefinition {

    /**
     * Builds the layers on {@code input} and returns the output.
     *
     * @param training whether batch normalisation uses batch statistics and updates its running averages
     */
    Operand<TFloat32> build(Network net, Operand<TFloat32> input, boolean training);
}
