package org.loupe.enhance.srq.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.loupe.api.LoupeException;
import org.loupe.image.io.AtomicFiles;

/**
 * A trained model folder: {@value #FILE} (the float kernels, the chosen fixed-point formats, how it was trained and
 * its scores) and {@value FixedPointFormat#FILE} (the integer kernels in the plain format an FPGA flow reads).
 *
 * @param id           model id, e.g. {@code srq.bicubic}
 * @param degradation  the degradation model of its training inputs
 * @param kernels      float kernels by variable name
 * @param quantization the fixed-point formats
 * @param training     how it was trained (command, data, steps, time)
 * @param scores       measured figures, by name
 */
record SrqModel(String id, String degradation, Map<String, float[]> kernels, Quantization quantization,
        Map<String, Object> training, Map<String, Object> scores) {

    /** The model file's name. */
    static final String FILE = "srq.json";

    private static final String FORMAT = "loupe-srq-1";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .create();

    private record Json(String format, String id, String degradation, int scale, int weights, String architecture,
            Map<String, float[]> kernels, Quantization quantization, Map<String, Object> training,
            Map<String, Object> scores) {
    }

    /**
     * The model's version: when its training finished, as {@code loupe train enhance.srq} records it (the same
     * convention as a SavedModel's sidecar); "unversioned" for a file without that record.
     */
    String version() {
        Object finished = training.get("finished");
        return finished == null ? "unversioned" : finished.toString();
    }

    /** Layer {@code l}'s float kernel, checked against the architecture. */
    static float[] kernel(Map<String, float[]> kernels, Architecture.Layer l) {
        float[] w = kernels.get(Architecture.kernelName(l));
        if (w == null || w.length != l.weights()) {
            throw new IllegalArgumentException("the model has no kernel of " + l.weights() + " weights for layer "
                    + l.name());
        }
        return w;
    }

    /** The integer engine of this model. */
    FixedPointNetwork fixedPoint() {
        int[][] codes = new int[Architecture.LAYERS.size()][];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = quantization.codes(i, kernel(kernels, Architecture.LAYERS.get(i)));
        }
        return new FixedPointNetwork(codes, quantization);
    }

    /** Writes {@value #FILE} and the fixed-point file into {@code folder} (created if missing), each atomically. */
    void write(Path folder) throws LoupeException {
        Json json = new Json(FORMAT, id, degradation, Architecture.SCALE, Architecture.weightCount(),
                Architecture.LAYERS.toString(), kernels, quantization, training, scores);
        try {
            Files.createDirectories(folder);
            AtomicFiles.writeString(folder.resolve(FILE), GSON.toJson(json));
            AtomicFiles.writeString(folder.resolve(FixedPointFormat.FILE), FixedPointFormat.write(id, fixedPoint()));
        } catch (IOException e) {
            throw LoupeException.badInput(folder.toString(), "cannot write the model (" + e.getMessage() + ")", e);
        }
    }

    /** Reads a model folder. */
    static SrqModel read(Path folder) throws LoupeException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw LoupeException.badInput(folder.toString(), "is not an enhance.srq model folder (no " + FILE
                    + "; write one with 'loupe train enhance.srq')");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw LoupeException.badInput(file.toString(), "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Reads {@value #FILE} from a stream (e.g. a model shipped inside this bundle); {@code name} names it. */
    static SrqModel read(InputStream in, String name) throws LoupeException {
        Json json;
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            json = GSON.fromJson(r, Json.class);
        } catch (IOException | RuntimeException e) {
            throw LoupeException.badInput(name, "is not valid JSON (" + e.getMessage() + ")", e);
        }
        if (json == null || !FORMAT.equals(json.format()) || json.kernels() == null || json.quantization() == null) {
            throw LoupeException.badInput(name, "is not a " + FORMAT + " model file");
        }
        SrqModel model = new SrqModel(json.id(), json.degradation(), json.kernels(), new Quantization(
                json.quantization().inputFrac(), json.quantization().weightFrac(),
                json.quantization().outputFrac()), orEmpty(json.training()), orEmpty(json.scores()));
        try {
            Architecture.LAYERS.forEach(l -> kernel(model.kernels(), l));
        } catch (IllegalArgumentException e) {
            throw LoupeException.badInput(name, e.getMessage());
        }
        return model;
    }

    private static Map<String, Object> orEmpty(Map<String, Object> m) {
        return m == null ? new LinkedHashMap<>() : m;
    }
}
