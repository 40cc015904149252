package org.loupe.tensorflow.train;

import java.util.Map;
import org.loupe.tensorflow.Sessions;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
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

    /**
     * The weights the untrained network starts from, by variable name, for an input of {@code channels} channels:
     * what {@link ModelExport#write} needs to write a model that has not been trained (benchmarks, tests).
     */
    default Map<String, float[]> initialWeights(int channels, long seed) {
        try (Graph g = new Graph(); Session s = Sessions.open(g)) {
            Ops tf = Ops.create(g);
            Network net = new Network(tf, seed);
            build(net, tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, channels))), false);
            s.initialize();
            return net.values(s);
        }
    }
}
