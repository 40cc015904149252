package org.loupe.enhance.xray.internal;

import java.time.Instant;
import java.util.ArrayList;
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
import org.loupe.data.xray.XrayDataset;
import org.loupe.image.GrayF32;
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
 * Trains the X-ray enhancement framework Noise2Noise-style on LQ/HQ pairs of every image type at once (one model for
 * all types): patches of the training split, flips and rotations, loss L1 + lambda1 FFL + lambda2 WHFL, Adam with
 * cosine decay. The last training frame of each type is held out for validation. The settings of the paper's Table I
 * and its downsampling ablation are parameters ({@code setting}, {@code factor}, {@code ffl}, {@code whfl}).
 */
@Component(service = ModelTrainer.class)
@LoupeProvider(id = "enhance.xray", name = "X-ray enhancer trainer", version = "1.0.0",
        accelerator = Accelerator.GPU_OPTIONAL,
        description = "Trains the denoising-module + fractal-residual super-resolution framework (Shim, Kim et al.) "
                + "on LQ/HQ X-ray pairs, e.g. from 'loupe data xray'.")
public final class XrayTrainer implements ModelTrainer {

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.choice("setting", List.of("dm", "bicubic"), "Denoising module (learned encoder, /4) or "
                    + "bicubic downsampling of the input by 'factor'."),
            ParameterSpec.integer("factor", 4, 1, 4, 1, "Bicubic downsampling factor (1, 2 or 4); the denoising "
                    + "module always uses 4."),
            ParameterSpec.real("ffl", 10, 0, 1000, "lambda1: weight of the focal frequency loss."),
            ParameterSpec.real("whfl", 0, 0, 1000, "lambda2: weight of the wavelet high-frequency loss (the shipped "
                    + "model: 0, which scored best here; the paper's full loss: 1)."),
            ParameterSpec.integer("width", 32, 4, 256, 1, "Feature channels of the super-resolution module."),
            ParameterSpec.integer("z", 64, 2, 512, 1, "Channels of the denoised feature map."),
            ParameterSpec.integer("depth", 2, 0, 5, 1, "Fractal depth (2^depth residual blocks)."),
            TrainingParameters.steps(4000),
            TrainingParameters.batch(8),
            ParameterSpec.integer("patch", 96, 16, 1024, 16, "Patch side in pixels (a multiple of 16)."),
            TrainingParameters.learningRate(1e-3, "cosine decay to 1/100 of it"),
            TrainingParameters.validate(500),
            TrainingParameters.seed("weights and patches"),
            TrainingParameters.name("xray.<setting>"));

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public TrainingResult train(TrainingRequest request, ProcessingContext ctx) throws LoupeException {
        TensorFlowRuntime.version();
        Parameters p = ctx.parameters();
        boolean dm = p.getString("setting").equals("dm");
        int factor = dm ? 4 : p.getInt("factor");
        if (factor == 3) {
            throw LoupeException.usage("parameter 'factor' must be 1, 2 or 4");
        }
        XrayNetwork net = new XrayNetwork(dm, factor, p.getInt("width"), p.getInt("z"), p.getInt("depth"));
        List<XrayDataset.Pair> entries = XrayDataset.pairs(request.dataset(), "train");
        List<PatchSampler.Pair> train = new ArrayList<>();
        List<PatchSampler.Pair> held = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ctx.checkCancelled();
            String type = entries.get(i).type();
            // the last frame of each type with two or more is held out; a lone frame must train
            boolean last = i == entries.size() - 1 || !entries.get(i + 1).type().equals(type);
            boolean alone = last && (i == 0 || !entries.get(i - 1).type().equals(type));
            (last && !alone ? held : train).add(XrayPairs.read(entries.get(i)));
        }
        if (held.isEmpty()) {
            held.add(train.get(train.size() - 1));
        }
        int patch = p.getInt("patch");
        int batch = p.getInt("batch");
        long seed = p.getInt("seed");
        BatchSource batches = shrunk(new PatchSampler(train, patch, 1, batch, 1, 1,
                new PatchSampler.Augmentation(true, 1), seed), net);
        BatchSource heldOut = shrunk(new PatchSampler(held, patch, 1, batch, 1, 1, PatchSampler.Augmentation.none(),
                seed + 1), net);
        List<Batch> validation = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            validation.add(heldOut.batch(i));
        }
        long pixels = train.stream().mapToLong(x -> x.input().pixelCount()).sum();
        TrainingLoop.Config config = TrainingParameters.cosineLoop(p, pixels / ((long) batch * patch * patch), 25,
                0);
        try (RestorationGraph g = new RestorationGraph(net, 1, seed, (float) p.getDouble("ffl"),
                (float) p.getDouble("whfl"), 0)) {
            TrainingLoop.Outcome outcome = TrainingLoop.run(g.setup(), config, batches, validation,
                    request.checkpoints(), request.resume(), request.events(), ctx);
            Map<String, Double> scores = g.scores(validation);
            String id = p.getString("name").isBlank() ? "xray." + (dm ? "dm" : "bicubic" + factor)
                    : p.getString("name");
            Map<String, Object> training = TrainingRecord.of(getClass(), request, p)
                    .put("frames", train.size() + " for training, " + held.size() + " held out for validation")
                    .put("setting", net.setting() + (p.getDouble("ffl") > 0 ? " + FFL" : "")
                            + (p.getDouble("whfl") > 0 ? " + WHFL" : ""))
                    .put("weights", g.weights().values().stream().mapToLong(w -> w.length).sum()).finish(outcome);
            // upscale > 1 tells the enhancer to shrink frames by that factor first; tiles in model-input pixels,
            // overlapping by four receptive-field radii so that tiled output equals whole-frame output
            int upscale = dm ? 1 : factor;
            int tile = dm ? 512 : 256;
            int overlap = Math.min(tile / 2, 4 * (net.receptiveRadius() + upscale - 1) / upscale);
            ModelSidecar sidecar = new ModelSidecar(id, Instant.now().toString(), "X-ray enhancer, " + net.setting()
                    + ", fractal depth " + net.depth() + ", width " + net.width(), "image", "enhanced", 1,
                    upscale, tile, overlap, training, scores);
            ModelExport.write(request.output(), net, g.weights(), sidecar);
            return new TrainingResult(request.output(), outcome.steps(), outcome.elapsed(), false, scores);
        }
    }

    /** For the bicubic settings, each input patch shrunk by the factor (antialiased bicubic, as MATLAB does). */
    private static BatchSource shrunk(BatchSource source, XrayNetwork net) {
        if (net.denoisingModule() || net.factor() == 1) {
            return source;
        }
        int f = net.factor();
        return index -> {
            Batch b = source.batch(index);
            int n = (int) b.inputShape()[0];
            int side = (int) b.inputShape()[1];
            int small = side / f;
            float[] in = new float[n * small * small];
            for (int i = 0; i < n; i++) {
                float[] one = new float[side * side];
                System.arraycopy(b.input(), i * side * side, one, 0, one.length);
                GrayF32 lr = XrayNetwork.shrink(GrayF32.wrap(one, side, side), f);
                System.arraycopy(lr.data(), 0, in, i * small * small, small * small);
            }
            return new Batch(in, new long[] {n, small, small, 1}, b.target(), b.targetShape());
        };
    }
}
