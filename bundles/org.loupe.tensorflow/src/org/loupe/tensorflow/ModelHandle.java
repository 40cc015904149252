package org.loupe.tensorflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.loupe.api.ComputeSettings;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.PixelImage;
import org.loupe.image.PixelType;
import org.loupe.image.io.ReadOptions;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.Signature;
import org.tensorflow.types.TFloat32;

/**
 * A loaded model: a SavedModel with its {@link ModelSidecar}, checked against {@link OpPolicy} before TensorFlow sees
 * it. One session is shared by all callers (TensorFlow sessions are thread-safe); each call makes its own runner and
 * closes every tensor it creates. Close the handle to free the session.
 */
public final class ModelHandle implements AutoCloseable {

    private final Path dir;
    private final ModelSidecar sidecar;
    private final SavedModelBundle bundle;
    private final String inputTensor;
    private final String outputTensor;
    private volatile boolean closed;

    private ModelHandle(Path dir, ModelSidecar sidecar, SavedModelBundle bundle, String in, String out) {
        this.dir = dir;
        this.sidecar = sidecar;
        this.bundle = bundle;
        this.inputTensor = in;
        this.outputTensor = out;
    }

    /**
     * Loads a model folder: reads the sidecar, refuses forbidden operations, then loads the SavedModel's "serve"
     * graph.
     *
     * @throws LoupeException INPUT naming the folder if anything about it is wrong
     */
    public static ModelHandle load(Path dir) throws LoupeException {
        if (!Files.isDirectory(dir)) {
            throw LoupeException.badInput(dir.toString(), "no such model folder");
        }
        ModelFolderCheck.check(dir);
        ModelSidecar sidecar = ModelSidecar.read(dir);
        Set<String> ops = OpPolicy.check(dir);
        if (OpPolicy.hasVariables(ops) && !Files.isRegularFile(dir.resolve("variables/variables.index"))) {
            // TensorFlow would load the graph without its weights and fail only when first run
            throw LoupeException.badInput(dir.toString(), "holds no variables/variables.index: the model's weights "
                    + "are missing");
        }
        TensorFlowRuntime.version();
        SavedModelBundle bundle;
        try {
            bundle = Sessions.load(dir);
        } catch (RuntimeException e) {
            throw LoupeException.badInput(dir.toString(), "TensorFlow cannot load this SavedModel ("
                    + e.getMessage() + ")", e);
        }
        Signature sig = bundle.signatures().stream().filter(s -> s.key().equals(Signature.DEFAULT_KEY)).findFirst()
                .orElse(null);
        Signature.TensorDescription in = sig == null ? null : sig.getInputs().get(sidecar.input());
        Signature.TensorDescription out = sig == null ? null : sig.getOutputs().get(sidecar.output());
        if (in == null || out == null) {
            bundle.close();
            throw LoupeException.badInput(dir.toString(), "its serving signature has no input '" + sidecar.input()
                    + "' and output '" + sidecar.output() + "' (as " + ModelSidecar.FILE_NAME + " says)");
        }
        long channels = in.shape.numDimensions() > 0 ? in.shape.size(in.shape.numDimensions() - 1) : -1;
        if (channels > 0 && channels != sidecar.channels()) {
            bundle.close();
            throw LoupeException.badInput(dir.toString(), "its input '" + sidecar.input() + "' takes " + channels
                    + " channel(s), and " + ModelSidecar.FILE_NAME + " says " + sidecar.channels());
        }
        if (sidecar.outputShape() != null && !sidecar.outputShape().equals(dims(out.shape))) {
            bundle.close();
            throw LoupeException.badInput(dir.toString(), "its output '" + sidecar.output() + "' has shape "
                    + dims(out.shape) + ", and " + ModelSidecar.FILE_NAME + " says " + sidecar.outputShape()
                    + " (-1: any size): the graph is not the one this folder was exported with");
        }
        return new ModelHandle(dir, sidecar, bundle, in.name, out.name);
    }

    private static List<Long> dims(Shape shape) {
        List<Long> d = new ArrayList<>();
        for (int i = 0; !shape.isUnknown() && i < shape.numDimensions(); i++) {
            d.add(shape.size(i));
        }
        return d;
    }

    /** What the model is and how to feed it. */
    public ModelSidecar sidecar() {
        return sidecar;
    }

    /** Where it was loaded from. */
    public Path folder() {
        return dir;
    }

    /**
     * The trained weights, by the names Loupe's networks give their variables ("c1/kernel"): what a newer version of
     * a network's code needs to rebuild the model's graph without retraining it. Float variables only.
     *
     * @throws LoupeException INPUT if the model holds a variable of another type or one TensorFlow cannot read
     */
    public Map<String, float[]> weights() throws LoupeException {
        Map<String, float[]> out = new TreeMap<>();
        Iterator<GraphOperation> ops = bundle.graph().operations();
        while (ops.hasNext()) {
            GraphOperation op = ops.next();
            if (!op.type().equals("VariableV2")) {
                continue;
            }
            try (Result r = bundle.session().runner().fetch(op.output(0)).run()) {
                if (!(r.get(0) instanceof TFloat32 t)) {
                    throw LoupeException.badInput(dir.toString(), "variable " + op.name() + " is not float");
                }
                // Network names variables by paths; the graph holds them with dots, TensorFlow's scopes own slashes
                out.put(op.name().replace('.', '/'), ImageTensors.values(t));
            } catch (RuntimeException e) {
                throw LoupeException.badInput(dir.toString(), "variable " + op.name() + " cannot be read ("
                        + e.getMessage() + ")", e);
            }
        }
        return out;
    }

    /** Reads what it needs from an output tensor, which is closed right after. */
    @FunctionalInterface
    public interface OutputReader<R> {
        /** Copies data out of the tensor; the tensor is invalid once this returns. */
        R read(TFloat32 output);
    }

    /**
     * Runs the model on an input tensor (NHWC, already scaled). The output tensor lives only during {@code reader}.
     *
     * @throws LoupeException PROVIDER if TensorFlow fails (e.g. the input shape does not fit the model)
     */
    public <R> R run(TFloat32 input, OutputReader<R> reader) throws LoupeException {
        if (closed) {
            throw new IllegalStateException("model " + sidecar.id() + " is closed");
        }
        try (Result result = bundle.session().runner().feed(inputTensor, input).fetch(outputTensor).run()) {
            return reader.read((TFloat32) result.get(0));
        } catch (RuntimeException e) {
            throw LoupeException.provider(sidecar.id(), "failed in TensorFlow (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Runs the model on a batch of equally sized images of one type; samples go in scaled to [0, 1] by the input
     * type's full scale and come out scaled by the output type's (see {@link ModelSidecar}).
     */
    public List<PixelImage> apply(List<? extends PixelImage> images, PixelType outType) throws LoupeException {
        return apply(images, outType, fullScale(outType));
    }

    private List<PixelImage> apply(List<? extends PixelImage> images, PixelType storage, double outScale)
            throws LoupeException {
        try (TFloat32 in = ImageTensors.toTensor(images, fullScale(images.get(0).type().pixelType()))) {
            return run(in, out -> {
                List<PixelImage> results = new ArrayList<>();
                for (int i = 0; i < images.size(); i++) {
                    results.add(ImageTensors.toImage(out, i, storage, outScale, images.get(i).metadata()));
                }
                return results;
            });
        }
    }

    /** The sample value that maps to 1: the largest integer of an integer type, 1 for floating point. */
    public static double fullScale(PixelType type) {
        return type.isInteger() ? type.maxValue() : 1;
    }

    /** Runs the model on one image. */
    public PixelImage apply(PixelImage image, PixelType outType) throws LoupeException {
        return apply(List.of(image), outType).get(0);
    }

    /**
     * Runs the model tile by tile with the sidecar's overlap and tile size, or the smaller tile of
     * {@link ComputeSettings#maxTile()} (see {@link #tileSide}); whole if the sidecar names no tile size.
     */
    public PixelImage applyTiled(PixelImage image, PixelType outType, ProcessingContext ctx) throws LoupeException {
        long outPixels = (long) image.width() * image.height() * sidecar.upscale() * sidecar.upscale();
        if (outPixels > ReadOptions.DEFAULT_MAX_PIXELS) {
            // the sidecar's upscale sizes the output buffer: a hostile or mistaken value must not exhaust memory
            throw LoupeException.badInput(dir.toString(), String.format(Locale.ROOT, "its upscale of %d would make "
                    + "a %.1f-megapixel result from a %dx%d image, over Loupe's limit of %.1f megapixels",
                    sidecar.upscale(), outPixels / 1e6, image.width(), image.height(),
                    ReadOptions.DEFAULT_MAX_PIXELS / 1e6));
        }
        if (sidecar.tile() == 0) {
            return apply(image, outType);
        }
        double scale = fullScale(outType);
        // tiles stay float (at the output's scale) until the blended result is stored in the output type
        int side = tileSide(sidecar.tile(), sidecar.overlap(), ComputeSettings.maxTile());
        return TiledInference.apply(image, side, sidecar.overlap(), sidecar.upscale(), outType,
                tile -> apply(List.of(tile), PixelType.FLOAT32, scale).get(0), ctx);
    }

    /**
     * The tile side used under a limit: the model's own when there is no limit or it is larger; else the limit,
     * rounded down to a multiple of 16 (the models halve their input up to four times) but never below twice the
     * overlap rounded up likewise, since smaller tiles would compute mostly pixels that are blended away.
     */
    static int tileSide(int modelTile, int overlap, int limit) {
        if (limit <= 0 || limit >= modelTile) {
            return modelTile;
        }
        int floor = (2 * overlap + 15) / 16 * 16;
        return Math.min(modelTile, Math.max(floor, limit / 16 * 16));
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            bundle.close();
        }
    }
}
