package org.loupe.enhance.srq.internal;

import java.util.Arrays;
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
import org.loupe.tensorflow.TensorFlowRuntime;
import org.loupe.tensorflow.train.Batch;
import org.loupe.tensorflow.train.BatchSource;
import org.loupe.tensorflow.train.LearningRateSchedule;
import org.loupe.tensorflow.train.PatchSampler;
import org.loupe.tensorflow.train.RestorationGraph;
import org.loupe.tensorflow.train.TrainingLoop;
import org.loupe.tensorflow.train.TrainingParameters;
import org.loupe.tensorflow.train.TrainingRecord;
import org.osgi.service.component.annotations.Component;

/**
 * Trains the quantized super-resolution CNN from a folder of high-resolution images (Sun-Hays 80 for the shipped
 * models): L1 loss, Adam with a learning rate divided by 10 at fixed steps, 128x128 HR patches with flips, rotations
 * and scaling, then the per-layer fixed-point format search. Writes a model folder that {@code enhance.srq} runs
 * with {@code --param model=FOLDER}.
 */
@Component(service = ModelTrainer.class)
@LoupeProvider(id = "enhance.srq", name = "Quantized SR CNN trainer", version = "1.0.0",
        accelerator = Accelerator.GPU_OPTIONAL,
        description = "Trains the 2,496-weight x2 super-resolution CNN (Kim and Lee) on a folder of HR images, "
                + "with the bicubic or the realistic (blur, JPEG, noise) degradation, and quantizes it to 10-bit "
                + "weights and 14-bit activations.")
public final class SrqTrainer implements ModelTrainer {

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.choice("degradation", List.of("bicubic", "realistic"), "How low-resolution inputs are "
                    + "made: bicubic downscaling, or blur + downscaling + JPEG + noise."),
            TrainingParameters.steps(60000),
            TrainingParameters.batch(16),
            ParameterSpec.integer("patch", 64, 8, 512, 1, "Patch side in low-resolution pixels (HR: twice)."),
            TrainingParameters.learningRate(1e-3, "divided by 10 every 'decay' steps"),
            ParameterSpec.integer("decay", 24000, 1, 10_000_000, 1, "Steps between divisions of the learning rate "
                    + "by 10."),
            TrainingParameters.validate(1000),
            ParameterSpec.text("scales", TrainingSet.SCALES, "Sizes at which the HR images are used (scaling "
                    + "augmentation), comma-separated factors in (0, 1]; held-out images at the largest."),
            ParameterSpec.integer("detail", 1, 1, 16, 1, "Each training patch is the most detailed of this many "
                    + "random candidates (1: plain uniform sampling)."),
            TrainingParameters.seed("weights, patches and degradations"),
            TrainingParameters.name("srq.<degradation>"));

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public TrainingResult train(TrainingRequest request, ProcessingContext ctx) throws LoupeException {
        TensorFlowRuntime.version();
        Parameters p = ctx.parameters();
        Degradation degradation = Degradation.of(p.getString("degradation"));
        long seed = p.getInt("seed");
        int patch = p.getInt("patch");
        int batch = p.getInt("batch");
        double[] scales = TrainingSet.scales(p.getString("scales"));
        TrainingSet set = TrainingSet.read(request.dataset(), degradation, scales, seed, ctx);
        BatchSource batches = sampler(set.training(), patch, batch, new PatchSampler.Augmentation(true, 1), seed,
                request).preferDetail(p.getInt("detail"));
        BatchSource held = sampler(set.validation(), patch, batch, PatchSampler.Augmentation.none(), seed + 1,
                request);
        List<Batch> validation = held.first(8);
        long hrPixels = set.training().stream().mapToLong(s -> s.highResolution().pixelCount()).sum();
        long stepsPerEpoch = Math.max(1, hrPixels / (4L * batch * patch * patch));
        int every = p.getInt("validate");
        TrainingLoop.Config config = new TrainingLoop.Config(p.getInt("steps"), stepsPerEpoch,
                Math.max(1, Math.min(every, 50)), every, every, 0,
                LearningRateSchedule.step((float) p.getDouble("lr"), 0.1f, p.getInt("decay")));
        try (RestorationGraph g = new RestorationGraph(new Architecture(), 1, seed, 0, 0, 0)) {
            TrainingLoop.Outcome outcome = TrainingLoop.run(g.setup(), config, batches, validation,
                    request.checkpoints(), request.resume(), request.events(), ctx);
            Map<String, float[]> kernels = g.weights();
            Quantizer quantizer = new Quantizer(set.validation());
            Quantizer.Result q = quantizer.search(kernels);
            String id = p.getString("name").isBlank() ? "srq." + degradation.key() : p.getString("name");
            SrqModel provisional = new SrqModel(id, degradation.key(), kernels, q.quantization(), Map.of(),
                    Map.of());
            double fixedPsnr = quantizer.psnr(provisional.fixedPoint());
            Map<String, Object> scores = new LinkedHashMap<>();
            scores.put("held-out crops: float PSNR (dB)", q.floatPsnr());
            scores.put("held-out crops: fixed-point PSNR (dB)", fixedPsnr);
            scores.put("held-out crops: bicubic PSNR (dB)", quantizer.psnr((luma, w, h) -> new double[w * h
                    * Architecture.SCALE * Architecture.SCALE]));
            scores.put("PSNR after quantizing each layer (dB)", q.psnrAfterLayer());
            Map<String, Object> training = TrainingRecord.of(getClass(), request, p)
                    .put("images", set.files() + " (" + TrainingSet.HELD_OUT + " held out; scales "
                            + Arrays.toString(scales) + ")")
                    .put("epochs", (double) outcome.steps() / stepsPerEpoch).finish(outcome);
            SrqModel model = new SrqModel(id, degradation.key(), kernels, q.quantization(), training, scores);
            model.write(request.output());
            Map<String, Double> result = new LinkedHashMap<>();
            result.put("float PSNR (dB)", q.floatPsnr());
            result.put("fixed-point PSNR (dB)", fixedPsnr);
            return new TrainingResult(request.output(), outcome.steps(), outcome.elapsed(), false, result);
        }
    }

    private static PatchSampler sampler(List<TrainingSet.Sample> samples, int patch, int batch,
            PatchSampler.Augmentation augment, long seed, TrainingRequest request) throws LoupeException {
        try {
            return new PatchSampler(samples.stream().map(TrainingSet.Sample::pair).toList(), patch,
                    Architecture.SCALE, batch, 1, 1, augment, seed);
        } catch (IllegalArgumentException e) {
            throw LoupeException.badInput(request.dataset().toString(), e.getMessage() + " (choose a smaller "
                    + "patch size)", e);
        }
    }
}
