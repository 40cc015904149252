package org.loupe.tensorflow.train;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.ProviderDescriptor;
import org.loupe.api.TrainingRequest;
import org.loupe.tensorflow.ModelHandle;
import org.loupe.tensorflow.ModelSidecar;

/**
 * A model folder read to be rebuilt ({@link TrainingParameters#rebuildFrom}): its sidecar and its trained weights,
 * which a trainer writes into the network as its current code builds it, without training. Why: a newer version of a
 * network may compute the same function faster (a layer computed another way); retraining to get that would cost
 * hours and give other weights, while the weights in hand are the measured ones.
 *
 * @param sidecar of the folder itself (not of its parts)
 * @param weights of the folder and its parts, by variable name
 */
public record RebuildSource(ModelSidecar sidecar, Map<String, float[]> weights) {

    /** Keeps unmodifiable copies. */
    public RebuildSource {
        weights = Map.copyOf(weights);
    }

    /**
     * Reads a model folder made by {@code trainer} and the SavedModels in its sub-folders {@code parts} (a two-stage
     * detector's second stage).
     *
     * @throws LoupeException INPUT if a folder cannot be loaded or the model was trained by another trainer
     */
    public static RebuildSource read(Path folder, Class<? extends LoupeService> trainer, List<String> parts)
            throws LoupeException {
        String trainerId = ProviderDescriptor.declaredBy(trainer).id();
        Map<String, float[]> weights = new LinkedHashMap<>();
        ModelSidecar sidecar;
        try (ModelHandle h = ModelHandle.load(folder)) {
            sidecar = h.sidecar();
            weights.putAll(h.weights());
        }
        Object madeBy = sidecar.training().get("trainer");
        if (!(madeBy instanceof String t) || !t.startsWith(trainerId + " ")) {
            throw LoupeException.badInput(folder.toString(), "was not trained by " + trainerId + " (its sidecar names "
                    + "trainer " + madeBy + "), so its weights do not fit this network");
        }
        for (String part : parts) {
            try (ModelHandle h = ModelHandle.load(folder.resolve(part))) {
                weights.putAll(h.weights());
            }
        }
        return new RebuildSource(sidecar, weights);
    }

    /**
     * Checks a fact of the source's training record that the network's shape depends on (a detector's classes).
     *
     * @throws LoupeException USAGE if the record says otherwise, naming both
     */
    public void require(String fact, Object expected) throws LoupeException {
        Object recorded = sidecar.training().get(fact);
        if (!expected.equals(recorded)) {
            throw LoupeException.usage("the model to rebuild was trained with " + fact + " " + recorded + ", the data "
                    + "set has " + expected + "; rebuild it with the data set it was trained on");
        }
    }

    /**
     * The rebuilt model's training record: the source's, unchanged (it describes how the weights were trained), plus
     * under {@code rebuilt} what rebuilt it: trainer, Loupe version, command, the model version it came from, when.
     */
    public Map<String, Object> record(Class<? extends LoupeService> trainer, TrainingRequest request, Parameters p) {
        Map<String, Object> rebuilt = TrainingRecord.of(trainer, request, p)
                .put("from", sidecar.id() + " " + sidecar.version())
                .put("finished", Instant.now().toString()).finish();
        Map<String, Object> out = new LinkedHashMap<>(sidecar.training());
        out.put("rebuilt", rebuilt);
        return out;
    }
}
