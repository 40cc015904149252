package org.loupe.data.detection;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loupe.api.LoupeException;
import org.loupe.metrics.detection.GroundTruth;

/**
 * COCO detection annotations ({@code annotations.json}): {@code images} with {@code file_name}, {@code width} and
 * {@code height}; {@code annotations} with {@code image_id}, {@code category_id} and {@code bbox} as
 * {@code [x, y, width, height]} in pixels; {@code categories} naming the classes. What COCO tools, Ultralytics'
 * converters and torchvision users exchange.
 */
public final class CocoFiles {

    /** The annotation file of a COCO-layout folder. */
    public static final String FILE_NAME = "annotations.json";

    /**
     * One image to write.
     *
     * @param fileName the image's path relative to the annotation file
     */
    public record Entry(String fileName, int width, int height, List<GroundTruth> truth) {
    }

    private CocoFiles() {
    }

    /** The annotation file's text for these images; categories get ids 1, 2, ... in the given order. */
    public static String format(List<Entry> entries, List<String> categories) {
        JsonObject root = new JsonObject();
        JsonArray images = new JsonArray();
        JsonArray annotations = new JsonArray();
        int annotationId = 1;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            JsonObject img = new JsonObject();
            img.addProperty("id", i + 1);
            img.addProperty("file_name", e.fileName());
            img.addProperty("width", e.width());
            img.addProperty("height", e.height());
            images.add(img);
            for (GroundTruth g : e.truth()) {
                int category = categories.indexOf(g.label()) + 1;
                if (category == 0) {
                    throw new IllegalArgumentException("label '" + g.label() + "' is not among " + categories);
                }
                JsonObject a = new JsonObject();
                a.addProperty("id", annotationId++);
                a.addProperty("image_id", i + 1);
                a.addProperty("category_id", category);
                JsonArray box = new JsonArray();
                box.add(g.x1());
                box.add(g.y1());
                box.add(g.x2() - g.x1());
                box.add(g.y2() - g.y1());
                a.add("bbox", box);
                a.addProperty("area", (g.x2() - g.x1()) * (g.y2() - g.y1()));
                a.addProperty("iscrowd", 0);
                annotations.add(a);
            }
        }
        JsonArray cats = new JsonArray();
        for (int i = 0; i < categories.size(); i++) {
            JsonObject c = new JsonObject();
            c.addProperty("id", i + 1);
            c.addProperty("name", categories.get(i));
            cats.add(c);
        }
        root.add("images", images);
        root.add("annotations", annotations);
        root.add("categories", cats);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    /**
     * Reads a COCO annotation file; image paths resolve against its folder.
     *
     * @throws LoupeException INPUT naming the file and the first malformed entry
     */
    public static List<AnnotatedImageFile> read(Path file) throws LoupeException {
        JsonObject root;
        try {
            root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        } catch (IOException | JsonParseException | IllegalStateException e) {
            throw LoupeException.badInput(file.toString(), "is not a COCO annotation file (" + e.getMessage() + ")",
                    e);
        }
        try {
            Map<Integer, String> categories = new HashMap<>();
            for (JsonElement c : root.getAsJsonArray("categories")) {
                categories.put(c.getAsJsonObject().get("id").getAsInt(), c.getAsJsonObject().get("name")
                        .getAsString());
            }
            Map<Integer, String> names = new LinkedHashMap<>();
            Map<Integer, List<GroundTruth>> truth = new LinkedHashMap<>();
            for (JsonElement i : root.getAsJsonArray("images")) {
                int id = i.getAsJsonObject().get("id").getAsInt();
                names.put(id, i.getAsJsonObject().get("file_name").getAsString());
                truth.put(id, new ArrayList<>());
            }
            JsonArray annotations = root.getAsJsonArray("annotations");
            for (int k = 0; k < annotations.size(); k++) {
                truth(annotations.get(k).getAsJsonObject(), k, categories, truth, file);
            }
            List<AnnotatedImageFile> out = new ArrayList<>();
            Path dir = file.toAbsolutePath().getParent();
            for (Map.Entry<Integer, String> e : names.entrySet()) {
                Path image = dir.resolve(e.getValue()).normalize();
                String n = image.getFileName().toString();
                out.add(new AnnotatedImageFile(n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : n, image, null,
                        truth.get(e.getKey())));
            }
            return out;
        } catch (NullPointerException | IllegalStateException | IllegalArgumentException | ClassCastException
                | UnsupportedOperationException e) {
            throw LoupeException.badInput(file.toString(), "lacks a COCO field or has one of the wrong type ("
                    + e.getMessage() + ")", e);
        }
    }

    private static void truth(JsonObject a, int k, Map<Integer, String> categories,
            Map<Integer, List<GroundTruth>> truth, Path file) throws LoupeException {
        String where = "annotations[" + k + "]";
        List<GroundTruth> list = truth.get(a.get("image_id").getAsInt());
        String label = categories.get(a.get("category_id").getAsInt());
        JsonArray b = a.getAsJsonArray("bbox");
        if (list == null || label == null || b.size() != 4) {
            throw LoupeException.badInput(file.toString(), where + ": unknown image_id or category_id, or a bbox "
                    + "that is not [x, y, width, height]");
        }
        double x = b.get(0).getAsDouble();
        double y = b.get(1).getAsDouble();
        double w = b.get(2).getAsDouble();
        double h = b.get(3).getAsDouble();
        if (!(w >= 0 && h >= 0) || !Double.isFinite(x + y + w + h)) {
            throw LoupeException.badInput(file.toString(), where + ": bbox " + b + " has a negative or non-finite "
                    + "size");
        }
        list.add(new GroundTruth(x, y, x + w, y + h, label));
    }
}
