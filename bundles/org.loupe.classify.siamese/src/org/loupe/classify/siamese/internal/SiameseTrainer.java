package org.loupe.classify.siamese.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.loupe.data.deeppcb.DeepPcbDataset;
import org.loupe.data.deeppcb.DeepPcbPatches;
import org.loupe.data.deeppcb.DeepPcbSplit;
import org.loupe.tensorflow.ModelHandle;
import org.loupe.tensorflow.ModelSidecar;
import org.loupe.tensorflow.TensorFlowRuntime;
import org.loupe.tensorflow.train.Batch;
import org.loupe.tensorflow.train.ModelExport;
import org.loupe.tensorflow.train.TrainingLoop;
import org.loupe.tensorflow.train.TrainingParameters;
import org.loupe.tensorflow.train.TrainingRecord;
import org.osgi.service.component.annotations.Component;

/**
 * Trains the Siamese feature-fusion ResNet on patches of a DeepPCB-style folder ({@link DeepPcbPatches}, split by
 * {@link DeepPcbSplit}), then chooses the decision threshold by sweeping the validation patches' distances to their
 * golden references for the best accuracy, and scores the test patches at that threshold.
 */
@Component(service = ModelTrainer.class)
@LoupeProvider(id = "classify.siamese", name = "Siamese PCB classifier trainer", version = "1.0.0",
        accelerator = Accelerator.GPU_OPTIONAL,
        description = "Trains the Siamese deep feature-fusion residual network (Dai et al.) with triplet and "
                + "cross-entropy losses on DeepPCB patches, and picks its distance threshold.")
public final class SiameseTrainer implements ModelTrainer {

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.text("list", "trainval.txt", "List file of pairs, relative to the dataset folder."),
            ParameterSpec.integer("depth", 18, 18, 50, 1, "ResNet depth: 18, 34 or 50."),
            // below 16 channels, TensorFlow 2.18's oneDNN kernels corrupt the native heap and abort the process on
            // AVX-512 CPUs (seen on AMD EPYC with widths 4, 8 and 12; 16, 24 and 32 train)
            ParameterSpec.integer("width", 16, 16, 64, 1, "Channels of the first stage (ResNet: 64)."),
            ParameterSpec.integer("dim", 32, 2, 512, 1, "Embedding dimension."),
            ParameterSpec.integer("drop-scale", 0, 0, 4, 1, "Leave stage 1-4 out of the fusion (0: keep all)."),
            ParameterSpec.choice("loss", List.of("both", "triplet", "ce"), "Triplet and cross-entropy, or one."),
            ParameterSpec.real("margin", 0.5, 0, 4, "alpha: the triplet margin on squared distances."),
            TrainingParameters.steps(2000),
            TrainingParameters.batch(16),
            TrainingParameters.learningRate(2e-3, "cosine decay to 1/100 of it"),
            TrainingParameters.validate(500),
            TrainingParameters.seed("weights and triplets"),
            TrainingParameters.name("classify.siamese"));

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public TrainingResult train(TrainingRequest request, ProcessingContext ctx) throws LoupeException {
        TensorFlowRuntime.version();
        Parameters p = ctx.parameters();
        int depth = p.getInt("depth");
        if (depth != 18 && depth != 34 && depth != 50) {
            throw LoupeException.usage("parameter 'depth' must be 18, 34 or 50, got " + depth);
        }
        boolean[] scales = {true, true, true, true};
        if (p.getInt("drop-scale") > 0) {
            scales[p.getInt("drop-scale") - 1] = false;
        }
        FusionResNet model = new FusionResNet(depth, p.getInt("width"), p.getInt("dim"), scales);
        SiameseGraph.Loss loss = SiameseGraph.Loss.valueOf(p.getString("loss").toUpperCase(Locale.ROOT));
        Path list = request.dataset().resolve(p.getString("list"));
        List<DeepPcbDataset.Entry> all = DeepPcbDataset.read(request.dataset(), list);
        ctx.progress(0, "cutting patches from " + all.size() + " pairs");
        PatchSet train = PatchSet.of(DeepPcbPatches.cut(DeepPcbSplit.part(all, DeepPcbSplit.Part.TRAINING),
                PatchTensors.PATCH), null);
        PatchSet val = PatchSet.of(DeepPcbPatches.cut(DeepPcbSplit.part(all, DeepPcbSplit.Part.VALIDATION),
                PatchTensors.PATCH), train.types());
        PatchSet test = PatchSet.of(DeepPcbPatches.cut(DeepPcbSplit.part(all, DeepPcbSplit.Part.TEST),
                PatchTensors.PATCH), train.types());
        long seed = p.getInt("seed");
        int batch = p.getInt("batch");
        int types = train.types().size();
        TripletBatches heldOut = new TripletBatches(val.inputs(), val.defective(), val.type(), types, batch,
                seed + 1);
        List<Batch> validation = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            validation.add(heldOut.batch(i));
        }
        TrainingLoop.Config config = TrainingParameters.cosineLoop(p, train.size() / (2L * batch), 25, 0);
        TrainingLoop.Outcome outcome;
        Map<String, float[]> weights;
        try (SiameseGraph g = new SiameseGraph(model, types, loss, (float) p.getDouble("margin"), seed)) {
            outcome = TrainingLoop.run(g.setup(), config, new TripletBatches(train.inputs(), train.defective(),
                    train.type(), types, batch, seed), validation, request.checkpoints(), request.resume(),
                    request.events(), ctx);
            weights = g.weights();
        }
        Map<String, Object> training = TrainingRecord.of(getClass(), request, p)
                .put("list", list.getFileName().toString())
                .put("patches", String.format(Locale.ROOT, "%d training, %d validation, %d test (%dx%d, half "
                        + "resolution; half of each defective)", train.size(), val.size(), test.size(),
                        PatchTensors.PATCH, PatchTensors.PATCH))
                .put("types", String.join(",", train.types())).finish(outcome);
        String id = p.getString("name").isBlank() ? "classify.siamese" : p.getString("name");
        String description = "Siamese feature-fusion ResNet-" + depth + ", width " + model.width() + ", "
                + model.dim() + "-d embedding";
        ModelSidecar exported = sidecar(id, description, training, Map.of());
        ModelExport.write(request.output(), model, weights, exported);
        Map<String, Double> scores = score(request.output(), val, test);
        exported.writeWithScores(request.output(), scores);
        return new TrainingResult(request.output(), outcome.steps(), outcome.elapsed(), false, scores);
    }

    private static ModelSidecar sidecar(String id, String description, Map<String, Object> training,
            Map<String, Double> scores) {
        return new ModelSidecar(id, Instant.now().toString(), description, "patches", "embedding", 1, 1, 0, 0,
                training, scores);
    }

    /** The threshold swept on validation, and the accuracy it gives on validation and test. */
    private static Map<String, Double> score(Path modelDir, PatchSet val, PatchSet test) throws LoupeException {
        try (ModelHandle m = ModelHandle.load(modelDir)) {
            Decision v = Decision.measure(m, val);
            double threshold = v.bestThreshold();
            Decision t = Decision.measure(m, test);
            Map<String, Double> scores = new LinkedHashMap<>();
            scores.put(Decision.THRESHOLD, threshold);
            scores.put("validation accuracy", v.accuracy(threshold));
            scores.put("test accuracy", t.accuracy(threshold));
            scores.put("test AUC", t.auc());
            scores.put("test accuracy at its own best threshold", t.accuracy(t.bestThreshold()));
            return scores;
        }
    }
}
