package org.loupe.classify.lesion.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.loupe.api.Accelerator;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeProvider;
import org.loupe.api.ModelTrainer;
import org.loupe.api.ParameterSpec;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.TrainingRequest;
import org.loupe.api.TrainingResult;
import org.loupe.data.ct.LesionPatches;
import org.loupe.metrics.classification.ConfusionMatrix;
import org.loupe.tensorflow.ModelHandle;
import org.loupe.tensorflow.ModelSidecar;
import org.loupe.tensorflow.TensorFlowRuntime;
import org.loupe.tensorflow.train.CaseSplit;
import org.loupe.tensorflow.train.ModelExport;
import org.loupe.tensorflow.train.TrainingLoop;
import org.loupe.tensorflow.train.TrainingParameters;
import org.loupe.tensorflow.train.TrainingRecord;
import org.osgi.service.component.annotations.Component;

/**
 * Trains the lesion classifier ({@link LesionNet}) on a patch folder written by {@code loupe data lesion-patches}:
 * every fifth case (in name order) is held out for validation, the rest trains with class-balanced batches and
 * softmax cross-entropy. The validation confusion matrix is stored with the model; test figures come from
 * {@code loupe eval lesions} on phantoms of another seed.
 */
@Component(service = ModelTrainer.class)
@LoupeProvider(id = "classify.liver.lesion", name = "Liver lesion classifier trainer", version = "1.0.0",
        accelerator = Accelerator.GPU_OPTIONAL,
        description = "Trains the compact Inception-ResNet lesion classifier (tumour, cyst, normal) on a folder of "
                + "HU patches written by 'loupe data lesion-patches' (patches.csv), split by case.")
public final class LesionTrainer implements ModelTrainer {

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.text("list", "patches.csv", "The patch list, relative to the dataset folder."),
            ParameterSpec.integer("slices", 1, 1, LesionPatches.STACK_SLICES, LesionPatches.STACK_SLICES - 1,
                    "Neighbouring slices the network reads, as channels: 1 (the candidate's largest slice) or "
                    + LesionPatches.STACK_SLICES + " (with the slices either side; the patch set needs them, "
                    + "'loupe data lesion-patches --slices 5' gives three stacks per candidate)."),
            TrainingParameters.steps(3000),
            TrainingParameters.batch(48),
            TrainingParameters.learningRate(2e-3, "cosine decay to 1/100 of it"),
            TrainingParameters.validate(250),
            TrainingParameters.seed("weights, batches and turns"),
            TrainingParameters.name("classify.liver.lesion"));

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public TrainingResult train(TrainingRequest request, ProcessingContext ctx) throws LoupeException {
        TensorFlowRuntime.version();
        Parameters p = ctx.parameters();
        Path list = request.dataset().resolve(p.getString("list"));
        ctx.progress(0, "reading patches");
        List<String> held = CaseSplit.everyFifth(LesionPatchSet.casesOf(list), list.toString()).validation();
        Set<String> validationCases = Set.copyOf(held);
        int slices = p.getInt("slices");
        LesionPatchSet train = LesionPatchSet.read(list, c -> !validationCases.contains(c), slices);
        LesionPatchSet val = LesionPatchSet.read(list, validationCases::contains, slices);
        int batch = p.getInt("batch");
        long seed = p.getInt("seed");
        LesionNet model = new LesionNet(slices);
        TrainingLoop.Config config = TrainingParameters.cosineLoop(p, Math.max(1, train.size() / batch), 25, 0);
        TrainingLoop.Outcome outcome;
        Map<String, float[]> weights;
        try (LesionGraph g = new LesionGraph(model, seed)) {
            outcome = TrainingLoop.run(g.setup(), config, new BalancedBatches(train, batch, seed),
                    BalancedBatches.inOrder(val, 256), request.checkpoints(), request.resume(), request.events(), ctx);
            weights = g.weights();
        }
        Map<String, Object> training = TrainingRecord.of(getClass(), request, p)
                .put("list", list.getFileName().toString())
                .put("patches", String.format(Locale.ROOT, "%d training %s, %d validation %s (%s); %d validation "
                        + "cases: every fifth by name", train.size(), Arrays.toString(train.perClass()), val.size(),
                        Arrays.toString(val.perClass()), String.join("/", LesionNet.CLASSES), held.size()))
                .finish(outcome);
        String id = p.getString("name").isBlank() ? "classify.liver.lesion" : p.getString("name");
        ModelSidecar exported = new ModelSidecar(id, Instant.now().toString(), "Compact Inception-ResNet liver "
                + "lesion classifier (" + String.join(", ", LesionNet.CLASSES) + ") with Grad-CAM and input "
                + "gradients, reading " + slices + " slice(s)", "patches", "maps_and_gradients", slices, 1, 0, 0,
                training, Map.of());
        ModelExport.write(request.output(), model, weights, exported);
        Map<String, Double> scores = score(request.output(), val);
        exported.writeWithScores(request.output(), scores);
        return new TrainingResult(request.output(), outcome.steps(), outcome.elapsed(), false, scores);
    }

    /** Accuracy and each class's sensitivity on the validation patches. */
    private static Map<String, Double> score(Path modelDir, LesionPatchSet val) throws LoupeException {
        try (ModelHandle m = ModelHandle.load(modelDir)) {
            LesionModel.Verdict[] v = LesionModel.run(m, val.inputs(), val.size());
            List<String> actual = new ArrayList<>();
            List<String> predicted = new ArrayList<>();
            for (int i = 0; i < v.length; i++) {
                actual.add(LesionNet.CLASSES.get(val.labels()[i]));
                predicted.add(LesionNet.CLASSES.get(v[i].best()));
            }
            ConfusionMatrix cm = ConfusionMatrix.of(LesionNet.CLASSES, actual, predicted);
            Map<String, Double> scores = new LinkedHashMap<>();
            scores.put("validation patch accuracy", cm.accuracy());
            for (String c : LesionNet.CLASSES) {
                scores.put("validation " + c + " sensitivity", cm.sensitivity(c));
            }
            return scores;
        }
    }
}
