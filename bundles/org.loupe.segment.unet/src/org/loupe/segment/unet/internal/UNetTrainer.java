package org.loupe.segment.unet.internal;

import java.nio.file.Path;
import java.time.Instant;
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
import org.loupe.image.io.ReadOptions;
import org.loupe.image.io.VolumeFiles;
import org.loupe.image.volume.Volume;
import org.loupe.metrics.segmentation.Overlap;
import org.loupe.metrics.segmentation.VolumeMask;
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
 * Trains the liver U-Net ({@link LiverUNet}) on CT cases with liver masks ({@code loupe data ct-liver} sets, or any
 * folder of cases laid out the same way): every fifth case in path order is held out for validation, the rest
 * trains on random shifted slices with cross-entropy plus soft Dice. The validation cases' liver Dice, measured as
 * {@code segment.liver.unet} segments them (whole volumes, largest region, holes filled), is stored with the model;
 * test figures come from {@code loupe eval segment} on phantoms of another seed.
 */
@Component(service = ModelTrainer.class)
@LoupeProvider(id = "segment.liver.unet", name = "Liver U-Net trainer", version = "1.0.0",
        accelerator = Accelerator.GPU_OPTIONAL,
        description = "Trains the 2-D liver U-Net on a folder of CT cases (ct/ DICOM or ct.nii.gz, and "
                + "liver.nii.gz), split by case.")
public final class UNetTrainer implements ModelTrainer {

    private static final List<ParameterSpec> PARAMETERS = List.of(
            TrainingParameters.steps(3000),
            TrainingParameters.batch(8),
            TrainingParameters.learningRate(2e-3, "cosine decay to 1/100 of it"),
            TrainingParameters.validate(250),
            TrainingParameters.seed("weights, slices and shifts"),
            TrainingParameters.name("segment.liver.unet"));

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public TrainingResult train(TrainingRequest request, ProcessingContext ctx) throws LoupeException {
        TensorFlowRuntime.version();
        Parameters p = ctx.parameters();
        CaseSplit<Path> split = CaseSplit.everyFifth(LiverSlices.cases(request.dataset()),
                request.dataset().toString());
        List<Path> kept = split.training();
        List<Path> held = split.validation();
        LiverSlices train = LiverSlices.read(request.dataset(), kept, ctx.within(0, 0.08));
        LiverSlices val = LiverSlices.read(request.dataset(), held, ctx.within(0.08, 0.1));
        int batch = p.getInt("batch");
        long seed = p.getInt("seed");
        LiverUNet model = new LiverUNet();
        TrainingLoop.Config config = TrainingParameters.cosineLoop(p, Math.max(1, train.slices() / batch), 25, 0);
        TrainingLoop.Outcome outcome;
        Map<String, float[]> weights;
        try (UNetGraph g = new UNetGraph(model, seed)) {
            outcome = TrainingLoop.run(g.setup(), config, new SliceBatches(train, batch, seed),
                    SliceBatches.inOrder(val, 4, 32), request.checkpoints(), request.resume(), request.events(),
                    ctx.within(0.1, 0.95));
            weights = g.weights();
        }
        Map<String, Object> training = TrainingRecord.of(getClass(), request, p)
                .put("cases", String.format(Locale.ROOT, "%d training (%d slices), %d validation: every fifth by "
                        + "path", kept.size(), train.slices(), held.size()))
                .finish(outcome);
        String id = p.getString("name").isBlank() ? "segment.liver.unet" : p.getString("name");
        ModelSidecar exported = new ModelSidecar(id, Instant.now().toString(), "2-D U-Net liver segmenter on a "
                + SliceGrid.SIDE + "x" + SliceGrid.SIDE + " grid of axial slices", "slices", "liver_logits", 1, 1, 0,
                0, training, Map.of());
        ModelExport.write(request.output(), model, weights, exported);
        Map<String, Double> scores = score(request.output(), held, ctx.within(0.95, 1));
        exported.writeWithScores(request.output(), scores);
        return new TrainingResult(request.output(), outcome.steps(), outcome.elapsed(), false, scores);
    }

    /** Mean and lowest liver Dice over the validation cases, whole volumes as the segmenter sees them. */
    private static Map<String, Double> score(Path modelDir, List<Path> held, ProcessingContext ctx)
            throws LoupeException {
        double sum = 0;
        double lowest = 1;
        try (ModelHandle m = ModelHandle.load(modelDir)) {
            for (Path c : held) {
                Volume ct = LiverSlices.ct(c);
                Volume truth = VolumeFiles.read(c.resolve(LiverSlices.MASK), ReadOptions.defaults());
                boolean[] found = UNetInference.liver(m, ct, ctx);
                double dice = Overlap.dice(new VolumeMask(found, ct.width(), ct.height(), ct.depth(),
                        ct.geometry().spacingX(), ct.geometry().spacingY(), ct.geometry().spacingZ()),
                        VolumeMask.nonZero(truth));
                sum += dice;
                lowest = Math.min(lowest, dice);
            }
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("validation liver Dice", sum / held.size());
        scores.put("validation lowest liver Dice", lowest);
        return scores;
    }
}
