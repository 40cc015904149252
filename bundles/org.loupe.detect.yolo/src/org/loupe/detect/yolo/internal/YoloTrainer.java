package org.loupe.detect.yolo.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.loupe.api.Accelerator;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeProvider;
import org.loupe.api.ModelTrainer;
import org.loupe.api.ParameterSpec;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.TrainingRequest;
import org.loupe.api.TrainingResult;
import org.loupe.detect.learned.DetectorData;
import org.loupe.detect.learned.PyramidBackbone;
import org.loupe.tensorflow.ModelHandle;
import org.loupe.tensorflow.ModelSidecar;
import org.loupe.tensorflow.TensorFlowRuntime;
import org.loupe.tensorflow.train.BatchSource;
import org.loupe.tensorflow.train.ModelExport;
import org.loupe.tensorflow.train.RebuildSource;
import org.loupe.tensorflow.train.TrainingLoop;
import org.loupe.tensorflow.train.TrainingParameters;
import org.loupe.tensorflow.train.TrainingRecord;
import org.osgi.service.component.annotations.Component;

/**
 * Trains {@code detect.yolo} on a COCO, YOLO or DeepPCB folder: square crops of the training part with the eight
 * symmetries of the square, Adam with cosine decay, the loss of {@link GridGraph} watched on crops of the validation
 * part; the exported model is then run on the whole validation images and its mAP recorded. The test part is left
 * for {@code loupe eval detect --part test}.
 */
@Component(service = ModelTrainer.class)
@LoupeProvider(id = "detect.yolo", name = "One-stage grid detector trainer", version = "0.2.0",
        accelerator = Accelerator.GPU_OPTIONAL,
        description = "Trains the anchor-free one-stage detector on single images of a COCO, YOLO or DeepPCB folder.")
public final class YoloTrainer implements ModelTrainer {

    private static final List<ParameterSpec> PARAMETERS = List.of(
            TrainingParameters.steps(3000),
            TrainingParameters.batch(8),
            TrainingParameters.learningRate(2e-3, "cosine decay to 1/100 of it"),
            TrainingParameters.validate(250),
            TrainingParameters.seed("weights, crops and symmetries"),
            ParameterSpec.integer("patch", 256, 64, 2048, 16, "Side of the training crops, a multiple of 16."),
            ParameterSpec.text("list", "trainval.txt", "For a DeepPCB folder: its list of pairs."),
            TrainingParameters.startFrom(),
            TrainingParameters.rebuildFrom(),
            TrainingParameters.name("detect.yolo"));

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public TrainingResult train(TrainingRequest request, ProcessingContext ctx) throws LoupeException {
        TensorFlowRuntime.version();
        Parameters p = ctx.parameters();
        DetectorData data = DetectorData.read(request.dataset(), p.getString("list"));
        List<String> classes = data.classes();
        GridNetwork network = new GridNetwork(classes.size());
        Path rebuild = TrainingParameters.rebuildSource(p);
        if (rebuild != null) {
            return rebuild(RebuildSource.read(rebuild, getClass(), List.of()), request, p, data, network);
        }
        DetectorData.Decoded images = data.decode(ctx);
        int batch = p.getInt("batch");
        int patch = p.getInt("patch");
        long seed = p.getInt("seed");
        GridBatches held = new GridBatches(images.validation(), classes, patch, batch, seed + 1, false);
        long stepsPerEpoch = images.trainingPixels() / ((long) batch * patch * patch);
        TrainingLoop.Config config = TrainingParameters.cosineLoop(p, stepsPerEpoch, 25, 0);
        TrainingLoop.Outcome outcome;
        Map<String, float[]> weights;
        try (GridGraph g = new GridGraph(network, classes.size(), seed)) {
            BatchSource batches = new GridBatches(images.training(), classes, patch, batch, seed, true);
            TrainingLoop.Setup setup = g.setup();
            TrainingParameters.applyStartFrom(p, request, setup.session());
            outcome = TrainingLoop.run(setup, config, batches, held.first(4), request.checkpoints(),
                    request.resume(), request.events(), ctx);
            weights = g.weights();
        }
        Map<String, Object> training = TrainingRecord.of(getClass(), request, p)
                .put("classes", classes)
                .put("images", data.describe())
                .put("datasetHash", data.hash())
                .put("inputSize", "any, padded to a multiple of " + PyramidBackbone.ALIGN + " px; trained on " + patch
                        + " px crops")
                .put("weights", weights.values().stream().mapToLong(w -> w.length).sum()).finish(outcome);
        String id = p.getString("name").isBlank() ? "detect.yolo" : p.getString("name");
        String description = "anchor-free one-stage grid detector, stride " + GridNetwork.STRIDE + ", "
                + classes.size() + " classes";
        ModelSidecar exported = sidecar(id, description, training, Map.of());
        ModelExport.write(request.output(), network, weights, exported);
        Map<String, Double> scores = score(request.output(), data);
        scores.put("validation loss", outcome.bestValidationLoss());
        exported.writeWithScores(request.output(), scores);
        return new TrainingResult(request.output(), outcome.steps(), outcome.elapsed(), false, scores);
    }

    /** Exports a model's trained weights in this version's graph, keeping its id, record and validation loss. */
    private TrainingResult rebuild(RebuildSource source, TrainingRequest request, Parameters p, DetectorData data,
            GridNetwork network) throws LoupeException {
        source.require("classes", data.classes());
        ModelSidecar old = source.sidecar();
        ModelSidecar rebuilt = sidecar(old.id(), old.description(), source.record(getClass(), request, p), Map.of());
        ModelExport.write(request.output(), network, source.weights(), rebuilt);
        Map<String, Double> scores = score(request.output(), data);
        // measured while training, on the training graph: the rebuilt graph has no loss to measure it again
        scores.put("validation loss", old.scores().getOrDefault("validation loss", Double.NaN));
        rebuilt.writeWithScores(request.output(), scores);
        return new TrainingResult(request.output(), 0, Duration.ZERO, false, scores);
    }

    private static Map<String, Double> score(Path model, DetectorData data) throws LoupeException {
        try (ModelHandle h = ModelHandle.load(model)) {
            YoloModel m = YoloModel.of(h);
            return data.score(image -> m.detect(image, 0.05, 0.5));
        }
    }

    private static ModelSidecar sidecar(String id, String description, Map<String, Object> training,
            Map<String, Double> scores) {
        return new ModelSidecar(id, Instant.now().toString(), description, "image", "grid", 1, 1, 0, 0, training,
                scores);
    }
}
