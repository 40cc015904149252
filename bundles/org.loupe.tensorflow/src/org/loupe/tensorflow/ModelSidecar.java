package org.loupe.tensorflow;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loupe.api.LoupeException;
import org.loupe.image.io.AtomicFiles;

/**
 * What Loupe needs to know about a SavedModel besides its graph, kept beside it as {@value #FILE_NAME}: which model it
 * is, how images go in and out, and how it was trained and scored. Models work on samples in [0, 1]: images go in
 * divided by their type's full scale (255 for 8-bit, 65535 for 16-bit, 1 for float) and come out multiplied by it.
 *
 * @param id          model id, e.g. "enhance.srq.float"
 * @param version     changes whenever outputs can change (retraining)
 * @param description one sentence
 * @param input       the signature's input key
 * @param output      the signature's output key
 * @param channels    channels of the input image
 * @param upscale     output size over input size (1 for denoisers, 2 for x2 super-resolution)
 * @param tile        preferred tile side for tiled inference, in input pixels; 0 for no preference
 * @param overlap     tile overlap in input pixels, at least the model's receptive-field radius
 * @param training    how it was trained: command, data, steps, seed, time
 * @param scores      measured scores, e.g. {"Set5 x2 PSNR": 36.7}
 * @param outputShape the output's shape as exported, -1 where any size goes (batch, height, width); recorded by
 *                    {@link org.loupe.tensorflow.train.ModelExport} and checked against the graph at load, so a
 *                    graph swapped for another is refused; null in folders exported before it was recorded
 */
public record ModelSidecar(String id, String version, String description, String input, String output, int channels,
        int upscale, int tile, int overlap, Map<String, Object> training, Map<String, Double> scores,
        List<Long> outputShape) {

    /** The file name inside a SavedModel folder. */
    public static final String FILE_NAME = "loupe-model.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** Checks the required values. */
    public ModelSidecar {
        if (id == null || id.isBlank() || version == null || version.isBlank() || input == null || output == null) {
            throw new IllegalArgumentException("a model sidecar needs an id, a version, an input and an output");
        }
        if (channels < 1 || upscale < 1 || tile < 0 || overlap < 0 || (tile > 0 && overlap >= tile)) {
            throw new IllegalArgumentException("invalid model sidecar values for " + id);
        }
        description = description == null ? "" : description;
        training = training == null ? Map.of() : Map.copyOf(training);
        scores = scores == null ? Map.of() : Map.copyOf(scores);
        outputShape = outputShape == null ? null : List.copyOf(outputShape);
    }

    /** A sidecar whose output shape the export will record. */
    public ModelSidecar(String id, String version, String description, String input, String output, int channels,
            int upscale, int tile, int overlap, Map<String, Object> training, Map<String, Double> scores) {
        this(id, version, description, input, output, channels, upscale, tile, overlap, training, scores, null);
    }

    /** This sidecar recording the exported graph's output shape. */
    public ModelSidecar withOutputShape(List<Long> shape) {
        return new ModelSidecar(id, version, description, input, output, channels, upscale, tile, overlap, training,
                scores, shape);
    }

    /** The sidecar as JSON. */
    public String toJson() {
        return GSON.toJson(this);
    }

    /**
     * Writes this sidecar, with the given scores, into an exported model's folder: trainers measure a model after
     * exporting it, then record what they measured. Scores that could not be computed (NaN) are left out.
     */
    public void writeWithScores(Path modelDir, Map<String, Double> measured) throws LoupeException {
        Map<String, Double> kept = new LinkedHashMap<>(measured);
        kept.values().removeIf(v -> v == null || !Double.isFinite(v));
        // the shape the export recorded, which a trainer's own copy of the sidecar does not know
        List<Long> shape = outputShape;
        if (shape == null && Files.isRegularFile(modelDir.resolve(FILE_NAME))) {
            shape = read(modelDir).outputShape();
        }
        ModelSidecar s = new ModelSidecar(id, version, description, input, output, channels, upscale, tile, overlap,
                training, kept, shape);
        try {
            AtomicFiles.writeString(modelDir.resolve(FILE_NAME), s.toJson());
        } catch (IOException e) {
            throw LoupeException.badInput(modelDir.toString(), "cannot write the model's scores (" + e.getMessage()
                    + ")", e);
        }
    }

    /**
     * Reads the sidecar of a SavedModel folder.
     *
     * @throws LoupeException INPUT if it is missing or malformed
     */
    public static ModelSidecar read(Path modelDir) throws LoupeException {
        Path file = modelDir.resolve(FILE_NAME);
        try {
            ModelSidecar s = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), ModelSidecar.class);
            if (s == null) {
                throw LoupeException.badInput(file.toString(), "is empty");
            }
            return new ModelSidecar(s.id, s.version, s.description, s.input, s.output, s.channels, s.upscale, s.tile,
                    s.overlap, s.training, s.scores, s.outputShape);
        } catch (NoSuchFileException e) {
            throw LoupeException.badInput(file.toString(), "no such file: a Loupe model folder holds a SavedModel "
                    + "and its " + FILE_NAME);
        } catch (IOException e) {
            throw LoupeException.badInput(file.toString(), "cannot be read (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            // Gson wraps what the record's constructor throws; the innermost message says what is wrong
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            // Gson appends a link to its troubleshooting page, which means nothing to someone fixing a model folder
            String why = String.valueOf(root.getMessage()).replaceFirst("\\s*See https://github\\.com/google/gson.*$",
                    "");
            throw LoupeException.badInput(file.toString(), "is not a valid model description (" + why + ")", e);
        }
    }
}
