package org.loupe.tensorflow;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.loupe.api.LoupeException;
import org.loupe.tensorflow.train.Init;
import org.loupe.tensorflow.train.ModelDefinition;
import org.loupe.tensorflow.train.ModelExport;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Small untrained convolution models written as Loupe model folders, for the inference tests. */
final class TestModels {

    private TestModels() {
    }

    /**
     * Two 3x3 convolutions (receptive-field radius 2) on one channel, followed by a pixel shuffle when
     * {@code upscale > 1}; {@code extra} may add more operations to the exported graph.
     */
    static Path export(Path dir, int upscale, int tile, int overlap, Consumer<Ops> extra) throws LoupeException {
        ModelDefinition definition = (net, x, training) -> {
            extra.accept(net.tf());
            Operand<TFloat32> h = net.relu(net.conv("c1", x, 1, 4, 3, 1, true, Init.he()));
            return upscale == 1 ? net.conv("c2", h, 4, 1, 3, 1, true, Init.he())
                    : net.pixelShuffle(net.conv("c2", h, 4, upscale * upscale, 3, 1, true, Init.he()), upscale);
        };
        ModelExport.write(dir, definition, definition.initialWeights(1, 3), new ModelSidecar("test.conv", "1",
                "A test model.", "image", "result", 1, upscale, tile, overlap, null, null));
        return dir;
    }

    /** The plain model, untiled. */
    static Path export(Path dir) throws LoupeException {
        return export(dir, 1, 0, 0, tf -> { });
    }
}
