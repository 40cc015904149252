package org.loupe.tensorflow.train;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.loupe.api.LoupeBuild;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.ProviderDescriptor;
import org.loupe.api.TrainingRequest;

/**
 * The {@code training} record a trained model's sidecar carries, built the same way by every trainer: which trainer
 * and version made it, from which data, with which parameters, the command that reruns it, and how the training
 * loop went; each trainer adds what only it knows (its split, its network's size).
 */
public final class TrainingRecord {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private TrainingRecord() {
    }

    /**
     * Starts the record of a training run; the trainer's id and version come from its own {@code @LoupeProvider}
     * declaration, so a retrained model never names a version its trainer does not have.
     */
    public static TrainingRecord of(Class<? extends LoupeService> trainer, TrainingRequest request, Parameters p) {
        ProviderDescriptor d = ProviderDescriptor.declaredBy(trainer);
        TrainingRecord r = new TrainingRecord();
        r.fields.put("trainer", d.id() + " " + d.version());
        r.fields.put("loupeVersion", LoupeBuild.version());
        r.fields.put("dataset", request.dataset().toAbsolutePath().toString());
        r.fields.put("parameters", p.asText());
        StringBuilder command = new StringBuilder("./loupe train ").append(d.id()).append(" --dataset ")
                .append(request.dataset()).append(" --out ").append(request.output());
        p.asText().forEach((k, v) -> command.append(" -p ").append(k).append('=').append(v));
        r.fields.put("command", command.toString());
        return r;
    }

    /** Adds a fact of this trainer's own (its split, its weights); later keys keep their order. */
    public TrainingRecord put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    /** The record as it stands, for a model no training loop made (a rebuilt one). */
    public Map<String, Object> finish() {
        return new LinkedHashMap<>(fields);
    }

    /** Adds how the loop went and when it finished, and returns the record for the sidecar. */
    public Map<String, Object> finish(TrainingLoop.Outcome outcome) {
        fields.put("steps", outcome.steps());
        fields.put("bestStep", outcome.bestStep());
        fields.put("stoppedEarly", outcome.stoppedEarly());
        fields.put("seconds", outcome.elapsed().toMillis() / 1000.0);
        fields.put("finished", Instant.now().toString());
        return new LinkedHashMap<>(fields);
    }
}
