package org.loupe.classify.lesion.internal;

import java.nio.file.Path;
import java.time.Duration;
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
 * {@code loupe eval lesions} on phantoms of another seed. With {@code members} above one it trains that many networks
 * in turn, from seeds {@code seed}, {@code seed + 1}, ..., each with its own checkpoints ({@code OUT.checkpoints/
 * member-<m>}), and exports their average ({@link LesionNet}): a model that depends less on one seed's luck, at as
 * many times the training and classification time.
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
            ParameterSpec.integer("members", 1, 1, 5, 1, "Networks trained alike from consecutive seeds whose "
                    + "average the model is (an ensemble): steadier than one, that many times slower to train and "
                    + "run."),
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
        int members = p.getInt("members");
        TrainingLoop.Config config = TrainingParameters.cosineLoop(p, Math.max(1, train.size() / batch), 25, 0);
        Trained t = trainMembers(request, ctx, config, train, val, slices, seed, members);
        TrainingLoop.Outcome outcome = t.outcome();
        Map<String, float[]> weights = t.weights();
        LesionNet model = new LesionNet(slices, members);
        TrainingRecord record = TrainingRecord.of(getClass(), request, p)
                .put("list", list.getFileName().toString())
                .put("patches", String.format(Locale.ROOT, "%d training %s, %d validation %s (%s); %d validation "
                        + "cases: every fifth by name", train.size(), Arrays.toString(train.perClass()), val.size(),
                        Arrays.toString(val.perClass()), String.join("/", LesionNet.CLASSES), held.size()));
        if (members > 1) {
            record.put("members", t.members());
        }
        Map<String, Object> training = record.finish(outcome);
        String id = p.getString("name").isBlank() ? "classify.liver.lesion" : p.getString("name");
        ModelSidecar exported = new ModelSidecar(id, Instant.now().toString(), "Compact Inception-ResNet liver "
                + "lesion classifier (" + String.join(", ", LesionNet.CLASSES) + ") with Grad-CAM and input "
                + "gradients, reading " + slices + " slice(s)" + (members > 1 ? ", the average of " + members
                + " networks" : ""), "patches", "maps_and_gradients", slices, 1, 0, 0,
                training, Map.of());
        ModelExport.write(request.output(), model, weights, exported);
        Map<String, Double> scores = score(request.output(), val);
        exported.writeWithScores(request.output(), scores);
        return new TrainingResult(request.output(), outcome.steps(), outcome.elapsed(), false, scores);
    }

    /** What training the members gave: their weights (prefixed when several), last outcome, one line each. */
    private record Trained(Map<String, float[]> weights, TrainingLoop.Outcome outcome, List<String> members) {
    }

    private static Trained trainMembers(TrainingRequest request, ProcessingContext ctx, TrainingLoop.Config config,
            LesionPatchSet train, LesionPatchSet val, int slices, long seed, int members) throws LoupeException {
        int batch = ctx.parameters().getInt("batch");
        TrainingLoop.Outcome outcome = null;
        Map<String, float[]> weights = new LinkedHashMap<>();
        List<String> memberRecords = new ArrayList<>();
        Duration elapsed = Duration.ZERO;
        for (int m = 1; m <= members; m++) {
            long memberSeed = seed + m - 1;
            Path checkpoints = members == 1 ? request.checkpoints() : request.checkpoints().resolve("member-" + m);
            // the first member resumes or refuses as a single network would; later ones resume only once begun
            boolean resume = request.resume() && (m == 1 || TrainingLoop.hasCheckpoint(checkpoints));
            ProcessingContext part = ctx.within((m - 1) / (double) members, m / (double) members);
            if (members > 1) {
                part.progress(0, "member " + m + " of " + members + " (seed " + memberSeed + ")");
            }
            try (LesionGraph g = new LesionGraph(new LesionNet(slices), memberSeed)) {
                outcome = TrainingLoop.run(g.setup(), config, new BalancedBatches(train, batch, memberSeed),
                        BalancedBatches.inOrder(val, 256), checkpoints, resume, request.events(), part);
                int member = m;
                g.weights().forEach((name, w) -> weights.put(members == 1 ? name : LesionNet.memberName(member,
                        name), w));
            }
            memberRecords.add(String.format(Locale.ROOT, "seed %d: %d steps, best at %d (validation loss %.4f), "
                    + "%.0f s", memberSeed, outcome.steps(), outcome.bestStep(), outcome.bestValidationLoss(),
                    outcome.elapsed().toMillis() / 1000.0));
            elapsed = elapsed.plus(outcome.elapsed());
        }
        // the record and the result give the last member's steps and every member's time
        outcome = new TrainingLoop.Outcome(outcome.steps(), outcome.lastLoss(), outcome.bestValidationLoss(),
                outcome.bestStep(), outcome.stoppedEarly(), elapsed);
        return new Trained(weights, outcome, memberRecords);
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
