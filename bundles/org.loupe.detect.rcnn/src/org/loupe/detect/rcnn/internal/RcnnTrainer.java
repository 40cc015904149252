package org.loupe.detect.rcnn.internal;

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
 * Trains {@code detect.rcnn} on a COCO, YOLO or DeepPCB folder: both stages at once ({@link RcnnGraph}) on square
 * crops of the training part with the eight symmetries of the square, Adam with cosine decay, the loss watched on
 * crops of the validation part. The model folder holds the first stage as a SavedModel and the second in its
 * {@value RcnnModel#HEAD} folder, written beside the target and put in its place at once; the exported model is then
 * run on the whole validation images and its mAP recorded.
 */
@Component(service = ModelTrainer.class)
@LoupeProvider(id = "detect.rcnn", name = "Two-stage detector trainer", version = "0.2.0",
        accelerator = Accelerator.GPU_OPTIONAL,
        description = "Trains the two-stage detector (region proposals, RoIAlign, class and box head) on single "
                + "images of a COCO, YOLO or DeepPCB folder.")
public final class RcnnTrainer implements ModelTrainer {

    private static final List<ParameterSpec> PARAMETERS = List.of(
            TrainingParameters.steps(3000),
            TrainingParameters.batch(4),
            TrainingParameters.learningRate(1e-3, "cosine decay to 1/100 of it"),
            TrainingParameters.validate(250),
            TrainingParameters.seed("weights, crops, symmetries and sampled regions"),
            ParameterSpec.integer("patch", 256, 64, 2048, 16, "Side of the training crops, a multiple of 16."),
            ParameterSpec.text("list", "trainval.txt", "For a DeepPCB folder: its list of pairs."),
            TrainingParameters.startFrom(),
            TrainingParameters.rebuildFrom(),
            TrainingParameters.name("detect.rcnn"));

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
        RcnnNetwork network = new RcnnNetwork(classes.size());
        Path rebuild = TrainingParameters.rebuildSource(p);
        if (rebuild != null) {
            RebuildSource source = RebuildSource.read(rebuild, getClass(), List.of(RcnnModel.HEAD));
            source.require("classes", classes);
            ModelSidecar old = source.sidecar();
            // measured while training, on the training graph: the rebuilt graph has no loss to measure it again
            double loss = old.scores().getOrDefault("validation loss", Double.NaN);
            Map<String, Double> scores = export(request, old.id(), source.record(getClass(), request, p), network,
                    source.weights(), data, loss);
            return new TrainingResult(request.output(), 0, Duration.ZERO, false, scores);
        }
        DetectorData.Decoded images = data.decode(ctx);
        int batch = p.getInt("batch");
        int patch = p.getInt("patch");
        long seed = p.getInt("seed");
        RcnnTargets targets = new RcnnTargets(patch, classes);
        RcnnBatches held = new RcnnBatches(images.validation(), targets, patch, batch, seed + 1, false);
        long stepsPerEpoch = images.trainingPixels() / ((long) batch * patch * patch);
        TrainingLoop.Config config = TrainingParameters.cosineLoop(p, stepsPerEpoch, 25, 0);
        TrainingLoop.Outcome outcome;
        Map<String, float[]> weights;
        try (RcnnGraph g = new RcnnGraph(network, targets, classes.size(), batch, patch, seed)) {
            BatchSource batches = new RcnnBatches(images.training(), targets, patch, batch, seed, true);
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
                .put("anchors", Anchors.PER_CELL + " per cell of the stride-" + PyramidBackbone.STRIDE + " grid, sides "
                        + "16-128 px, ratios 1:2, 1:1, 2:1")
                .put("weights", weights.values().stream().mapToLong(w -> w.length).sum()).finish(outcome);
        String id = p.getString("name").isBlank() ? "detect.rcnn" : p.getString("name");
        Map<String, Double> scores = export(request, id, training, network, weights, data,
                outcome.bestValidationLoss());
        return new TrainingResult(request.output(), outcome.steps(), outcome.elapsed(), false, scores);
    }

    /** Writes both stages beside the output, scores them on the validation part, then puts them in its place. */
    private static Map<String, Double> export(TrainingRequest request, String id, Map<String, Object> training,
            RcnnNetwork network, Map<String, float[]> weights, DetectorData data, double validationLoss)
            throws LoupeException {
        int classes = data.classes().size();
        String version = Instant.now().toString();
        ModelSidecar first = new ModelSidecar(id, version, "two-stage detector, first stage (backbone and region "
                + "proposals), " + classes + " classes", "image", "rpn", 1, 1, 0, 0, training, Map.of());
        ModelSidecar second = new ModelSidecar(id + ".head", version, "two-stage detector, second stage (class and box "
                + "of RoIAligned regions)", "regions", "head", PyramidBackbone.CHANNELS, 1, 0, 0, null, Map.of());
        Path target = request.output().toAbsolutePath();
        Path staged = target.resolveSibling("." + target.getFileName() + ".staged");
        try {
            ModelExport.write(staged, network.proposals(), weights, first);
            ModelExport.write(staged.resolve(RcnnModel.HEAD), network.head(), weights, second);
            Map<String, Double> scores;
            try (ModelHandle h1 = ModelHandle.load(staged); ModelHandle h2 = ModelHandle.load(
                    staged.resolve(RcnnModel.HEAD))) {
                RcnnModel m = RcnnModel.of(h1, h2);
                scores = data.score(image -> m.detect(image, 0.05, 0.5, RcnnDetector.PROPOSALS, true));
            }
            scores.put("validation loss", validationLoss);
            first.writeWithScores(staged, scores);
            ModelExport.install(staged, target);
            return scores;
        } finally {
            ModelExport.discard(staged);
        }
    }
}
