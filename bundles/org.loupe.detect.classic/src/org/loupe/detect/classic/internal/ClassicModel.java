package org.loupe.detect.classic.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.loupe.api.LoupeException;
import org.loupe.image.io.AtomicFiles;

/**
 * What {@code detect.classic} runs with, saved as a model folder's {@code loupe-model.json}: the settings the grid
 * search chose, the shape tree that names each region's class, and how it was trained and scored. A model written by
 * this version is read by later ones: fields are only ever added.
 *
 * @param id       the model's name
 * @param version  when it was trained (ISO-8601), which identifies it
 * @param backend  always {@code classic}
 * @param classes  the defect classes it reports
 * @param settings the pipeline's settings
 * @param tree     the region classifier
 * @param training how it was trained (trainer and version, data and its hash, grid, time)
 * @param scores   its measured scores
 */
record ClassicModel(String id, String version, String backend, List<String> classes, Settings settings,
        ShapeTree tree, Map<String, Object> training, Map<String, Double> scores) {

    /** The model file in a model folder. */
    static final String FILE_NAME = "loupe-model.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    /**
     * The pipeline's settings.
     *
     * @param blur      side of the smoothing box (odd)
     * @param threshold smallest departure from the background that is a defect, in 8-bit grey levels
     * @param minArea   smallest region, in pixels
     * @param object    whether to look only inside the bright object on a dark stage (a wafer), its rim excluded
     * @param edge      the rim excluded, in pixels
     */
    record Settings(int blur, int threshold, int minArea, boolean object, int edge) {
    }

    /** The untrained detector: hand-set rules for wafers. */
    static ClassicModel defaults(Settings settings) {
        return new ClassicModel("detect.classic", "untrained", "classic", List.of("scratch", "particle", "crack"),
                settings, ShapeTree.defaults(), Map.of(), Map.of());
    }

    void write(Path dir) throws LoupeException {
        try {
            AtomicFiles.writeString(dir.resolve(FILE_NAME), GSON.toJson(this) + "\n");
        } catch (IOException e) {
            throw LoupeException.badInput(dir.toString(), "cannot be written (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads a model folder.
     *
     * @throws LoupeException INPUT for a missing, unreadable or malformed model, naming the file
     */
    static ClassicModel read(Path dir) throws LoupeException {
        Path file = dir.resolve(FILE_NAME);
        ClassicModel m;
        try {
            m = GSON.fromJson(Files.readString(file), ClassicModel.class);
        } catch (IOException | JsonParseException e) {
            throw LoupeException.badInput(file.toString(), "is not a detect.classic model (" + e.getMessage() + ")",
                    e);
        }
        if (m == null || !"classic".equals(m.backend()) || m.settings() == null || m.tree() == null
                || m.classes() == null || !valid(m.tree())) {
            throw LoupeException.badInput(file.toString(), "is not a detect.classic model (backend, settings, tree "
                    + "or classes missing or malformed)");
        }
        return m;
    }

    private static boolean valid(ShapeTree t) {
        if (t.feature() < 0) {
            return t.label() != null;
        }
        return t.feature() < Shape.FEATURES.length && t.left() != null && t.right() != null && valid(t.left())
                && valid(t.right());
    }
}
