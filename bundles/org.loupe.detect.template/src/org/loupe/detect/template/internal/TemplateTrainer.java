package org.loupe.detect.template.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.loupe.data.deeppcb.DeepPcbDataset;
import org.loupe.data.deeppcb.DeepPcbSplit;
import org.loupe.tensorflow.ModelSidecar;
import org.loupe.tensorflow.TensorFlowRuntime;
import org.loupe.tensorflow.train.Batch;
import org.loupe.tensorflow.train.ModelExport;
import org.loupe.tensorflow.train.TrainingLoop;
import org.loupe.tensorflow.train.TrainingParameters;
import org.loupe.tensorflow.train.TrainingRecord;
import org.osgi.service.component.annotations.Component;

/**
 * Trains the template detector's candidate classifier on a DeepPCB-style folder: the candidates of the training
 * pairs of {@link DeepPcbSplit}, labelled by the annotated defect they overlap, with the held-out pairs'
 * candidates for validation.
 */
@Component(service = ModelTrainer.class)
@LoupeProvider(id = "detect.template", name = "Template detector trainer", version = "1.0.0",
        accelerator = Accelerator.GPU_OPTIONAL,
        description = "Trains the candidate classifier (defect type and box) of detect.template on a folder in "
                + "DeepPCB layout.")
public final class TemplateTrainer implements ModelTrainer {

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.text("list", "trainval.txt", "List file of pairs, relative to the dataset folder."),
            TrainingParameters.steps(6000),
            TrainingParameters.batch(64),
            TrainingParameters.learningRate(1e-3, "cosine decay to 1/100 of it"),
            TrainingParameters.validate(500),
            TrainingParameters.seed("weights and batches"),
            TrainingParameters.name("detect.template"));

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public TrainingResult train(TrainingRequest request, ProcessingContext ctx) throws LoupeException {
        TensorFlowRuntime.version();
        Parameters p = ctx.parameters();
        Path list = request.dataset().resolve(p.getString("list"));
        List<DeepPcbDataset.Entry> all = DeepPcbDataset.read(request.dataset(), list);
        CandidateSamples train = new CandidateSamples();
        CandidateSamples held = new CandidateSamples();
        List<DeepPcbDataset.Entry> trainPairs = DeepPcbSplit.part(all, DeepPcbSplit.Part.TRAINING);
        List<DeepPcbDataset.Entry> heldPairs = DeepPcbSplit.part(all, DeepPcbSplit.Part.VALIDATION);
        ctx.progress(0, "reading " + all.size() + " pairs");
        train.addAll(trainPairs);
        held.addAll(heldPairs);
        if (train.count() == 0 || held.count() == 0) {
            throw LoupeException.badInput(list.toString(), "gives no candidates to learn from");
        }
        int batch = p.getInt("batch");
        long seed = p.getInt("seed");
        List<Batch> validation = new ArrayList<>();
        CandidateBatches heldBatches = new CandidateBatches(held, batch, seed, false);
        for (int i = 0; i * batch < held.count(); i++) {
            validation.add(heldBatches.batch(i));
        }
        TrainingLoop.Config config = TrainingParameters.cosineLoop(p, train.count() / batch, 50, 0);
        try (CandidateGraph g = new CandidateGraph(seed)) {
            TrainingLoop.Outcome outcome = TrainingLoop.run(g.setup(), config, new CandidateBatches(train, batch,
                    seed, true), validation, request.checkpoints(), request.resume(), request.events(), ctx);
            Map<String, Double> scores = new LinkedHashMap<>();
            scores.put("validation loss", outcome.bestValidationLoss());
            scores.put("validation accuracy", g.accuracy(validation));
            Map<String, Object> training = TrainingRecord.of(getClass(), request, p)
                    .put("list", list.getFileName().toString())
                    .put("pairs", trainPairs.size() + " for training, " + heldPairs.size() + " for validation ("
                            + "DeepPcbSplit; the test part is left for 'loupe eval detect')")
                    .put("candidates", train.count() + " for training (" + train.defects() + " defects), "
                            + held.count() + " for validation (" + held.defects() + " defects)").finish(outcome);
            String id = p.getString("name").isBlank() ? "detect.template" : p.getString("name");
            ModelSidecar sidecar = new ModelSidecar(id, Instant.now().toString(), "template detector's candidate "
                    + "classifier: " + CandidateNetwork.CLASSES + " classes and a box per " + CandidateCrops.SIDE
                    + "x" + CandidateCrops.SIDE + " crop of board and template", "crops", "classes_and_box",
                    CandidateCrops.CHANNELS, 1, 0, 0, training, scores);
            ModelExport.write(request.output(), new CandidateNetwork(), g.weights(), sidecar);
            return new TrainingResult(request.output(), outcome.steps(), outcome.elapsed(), false, scores);
        }
    }
}
