package org.loupe.enhance.learned.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.loupe.api.Accelerator;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeProvider;
import org.loupe.api.ModelTrainer;
import org.loupe.api.ParameterSpec;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.TrainingRequest;
import org.loupe.api.TrainingResult;
import org.loupe.tensorflow.ModelSidecar;
import org.loupe.tensorflow.TensorFlowRuntime;
import org.loupe.tensorflow.train.Batch;
import org.loupe.tensorflow.train.BatchSource;
import org.loupe.tensorflow.train.ModelExport;
import org.loupe.tensorflow.train.PatchSampler;
import org.loupe.tensorflow.train.RestorationGraph;
import org.loupe.tensorflow.train.TrainingLoop;
import org.loupe.tensorflow.train.TrainingParameters;
import org.loupe.tensorflow.train.TrainingRecord;
import org.osgi.service.component.annotations.Component;

/**
 * Trains the residual denoiser that {@code enhance.model} runs, on a lab's own images: noisy/clean pairs,
 * Noise2Noise pairs of two exposures, or clean images with added Gaussian noise. The last tenth of the pairs (by file
 * name) is held out for validation when there are two or more.
 */
@Component(service = ModelTrainer.class)
@LoupeProvider(id = "enhance.model", name = "Residual denoiser trainer", version = "1.0.0",
        accelerator = Accelerator.GPU_OPTIONAL,
        description = "Trains a DnCNN-style residual denoiser for enhance.model from input/ and target/ image "
                + "pairs, or from clean images with added noise (parameter noise=SIGMA).")
public final class DenoiserTrainer implements ModelTrainer {

    private static final List<ParameterSpec> PARAMETERS = List.of(
            TrainingParameters.steps(2000),
            TrainingParameters.batch(16),
            ParameterSpec.integer("patch", 48, 8, 1024, 4, "Patch side in pixels (a multiple of 4)."),
            ParameterSpec.integer("depth", 8, 3, 64, 1, "Convolution layers (receptive-field radius in pixels)."),
            ParameterSpec.integer("width", 32, 1, 512, 1, "Feature channels of the hidden layers."),
            ParameterSpec.bool("batchnorm", true, "Batch-normalise the middle layers."),
            TrainingParameters.learningRate(1e-3, "cosine decay to 1/100 of it"),
            ParameterSpec.real("clip", 0, 0, 1e6, "Largest global gradient norm; 0 for no clipping."),
            ParameterSpec.real("noise", 0, 0, 1, "Gaussian noise sigma (fraction of full scale) to add to clean "
                    + "images; 0 reads input/ and target/ pairs instead."),
            ParameterSpec.real("ffl", 0, 0, 100, "Weight of the focal frequency loss (added to L1)."),
            ParameterSpec.real("whfl", 0, 0, 100, "Weight of the wavelet high-frequency loss (added to L1)."),
            TrainingParameters.validate(100),
            ParameterSpec.integer("patience", 0, 0, 10_000, 1, "Validations without improvement before stopping "
                    + "early; 0 never stops early."),
            TrainingParameters.seed("weights, patches and noise"),
            TrainingParameters.name("the output folder's name"));

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public TrainingResult train(TrainingRequest request, ProcessingContext ctx) throws LoupeException {
        TensorFlowRuntime.version();
        Parameters p = ctx.parameters();
        double sigma = p.getDouble("noise");
        List<PatchSampler.Pair> pairs = TrainingImages.read(request.dataset(), sigma == 0);
        int held = pairs.size() >= 2 ? Math.max(1, pairs.size() / 10) : 0;
        List<PatchSampler.Pair> train = pairs.subList(0, pairs.size() - held);
        List<PatchSampler.Pair> validation = held == 0 ? pairs : pairs.subList(pairs.size() - held, pairs.size());
        int channels = pairs.get(0).input().bands();
        int patch = p.getInt("patch");
        long seed = p.getInt("seed");
        // rescaling a noisy image would change its noise level: zoom only clean images, before noise is added
        PatchSampler.Augmentation augment = sigma > 0 ? new PatchSampler.Augmentation(true, 1, 0.75, 0.5)
                : new PatchSampler.Augmentation(true, 1);
        BatchSource batches = noisy(sampler(train, patch, p.getInt("batch"), augment, seed, request), sigma, seed);
        BatchSource held4 = noisy(sampler(validation, patch, p.getInt("batch"), PatchSampler.Augmentation.none(),
                seed + 1, request), sigma, seed + 1);
        List<Batch> validationBatches = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            validationBatches.add(held4.batch(i));
        }
        ResidualDenoiser net = new ResidualDenoiser(channels, p.getInt("depth"), p.getInt("width"),
                p.getBoolean("batchnorm"));
        long pixels = train.stream().mapToLong(x -> x.input().pixelCount()).sum();
        long stepsPerEpoch = Math.max(1, pixels / ((long) p.getInt("batch") * patch * patch));
        TrainingLoop.Config config = TrainingParameters.cosineLoop(p, stepsPerEpoch, 10, p.getInt("patience"));
        try (RestorationGraph g = new RestorationGraph(net, channels, seed, (float) p.getDouble("ffl"),
                (float) p.getDouble("whfl"), (float) p.getDouble("clip"))) {
            TrainingLoop.Outcome outcome = TrainingLoop.run(g.setup(), config, batches, validationBatches,
                    request.checkpoints(), request.resume(), request.events(), ctx);
            Map<String, Double> scores = g.scores(validationBatches);
            String id = p.getString("name").isBlank() ? request.output().getFileName().toString()
                    : p.getString("name");
            Map<String, Object> training = TrainingRecord.of(getClass(), request, p)
                    .put("pairs", train.size() + " for training, " + held + " held out for validation")
                    .put("weights", net.weights()).finish(outcome);
            ModelSidecar sidecar = new ModelSidecar(id, Instant.now().toString(), "Residual denoiser, " + net.depth()
                    + " layers of " + net.width() + " channels.", "image", "denoised", channels, 1, 256,
                    Math.min(255, 4 * net.depth()), training, scores);
            ModelExport.write(request.output(), net, g.weights(), sidecar);
            return new TrainingResult(request.output(), outcome.steps(), outcome.elapsed(), outcome.stoppedEarly(),
                    scores);
        }
    }

    private static PatchSampler sampler(List<PatchSampler.Pair> pairs, int patch, int batch,
            PatchSampler.Augmentation augment, long seed, TrainingRequest request) throws LoupeException {
        try {
            return new PatchSampler(pairs, patch, 1, batch, 1, 1, augment, seed);
        } catch (IllegalArgumentException e) {
            throw LoupeException.badInput(request.dataset().toString(), e.getMessage() + " (choose a smaller "
                    + "patch size)", e);
        }
    }

    /** Adds seeded Gaussian noise to each batch's input, drawn from the batch index (see {@link BatchSource}). */
    private static BatchSource noisy(BatchSource clean, double sigma, long seed) {
        if (sigma == 0) {
            return clean;
        }
        return index -> {
            Batch b = clean.batch(index);
            SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
            float[] in = b.input().clone();
            for (int i = 0; i < in.length; i++) {
                in[i] += (float) (sigma * r.nextGaussian());
            }
            return new Batch(in, b.inputShape(), b.target(), b.targetShape());
        };
    }
}
