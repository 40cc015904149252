package org.loupe.ui;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.loupe.api.LoupeException;
import org.loupe.data.detection.CocoFiles;
import org.loupe.image.io.AtomicFiles;
import org.loupe.metrics.detection.GroundTruth;

/**
 * Writes the marks on the open image as a file an analyst keeps: CSV (one row per mark, for a spreadsheet), JSON
 * (the image and its marks with kind, label, confidence and box) or COCO (the detections as an annotation file that
 * COCO tools, CVAT and Loupe's own {@code eval detect} read; COCO annotations carry no confidence). Written
 * atomically: a file is complete or absent.
 */
public final class FindingsExport {

    /** The formats offered, with their file extensions. */
    public enum Format {
        CSV("csv"), JSON("json"), COCO("json");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** The file extension, without the dot. */
        public String extension() {
            return extension;
        }
    }

    private FindingsExport() {
    }

    /**
     * Writes the marks of an image.
     *
     * @param image  the image's file name, as recorded in the file
     * @throws LoupeException INPUT naming the target if it cannot be written
     */
    public static void write(Format format, Path target, String image, int width, int height, List<Mark> marks)
            throws LoupeException {
        String text = switch (format) {
            case CSV -> csv(image, marks);
            case JSON -> json(image, width, height, marks);
            case COCO -> coco(image, width, height, marks.stream().filter(m -> m.kind() == Mark.Kind.DETECTION)
                    .toList());
        };
        try {
            AtomicFiles.writeString(target, text);
        } catch (IOException e) {
            throw LoupeException.badInput(target.toString(), "cannot be written: " + e.getMessage(), e);
        }
    }

    private static String coco(String image, int width, int height, List<Mark> detections) {
        return CocoFiles.format(List.of(new CocoFiles.Entry(image, width, height, detections.stream().map(m ->
                new GroundTruth(m.x1(), m.y1(), m.x2(), m.y2(), m.label())).toList())), detections.stream()
                .map(Mark::label).distinct().sorted().toList());
    }

    private static String csv(String image, List<Mark> marks) {
        StringBuilder s = new StringBuilder("image,kind,label,confidence,x,y,width,height\n");
        for (Mark m : marks) {
            s.append(String.format(Locale.ROOT, "%s,%s,%s,%.4f,%s,%s,%s,%s%n", quoted(image),
                    m.kind().name().toLowerCase(Locale.ROOT), quoted(m.label()), m.score(), number(m.x1()),
                    number(m.y1()), number(m.x2() - m.x1()), number(m.y2() - m.y1())));
        }
        return s.toString();
    }

    private static String json(String image, int width, int height, List<Mark> marks) {
        JsonObject root = new JsonObject();
        root.addProperty("image", image);
        root.addProperty("width", width);
        root.addProperty("height", height);
        JsonArray found = new JsonArray();
        for (Mark m : marks) {
            JsonObject o = new JsonObject();
            o.addProperty("kind", m.kind().name().toLowerCase(Locale.ROOT));
            o.addProperty("label", m.label());
            o.addProperty("confidence", m.score());
            JsonArray box = new JsonArray();
            box.add(m.x1());
            box.add(m.y1());
            box.add(m.x2() - m.x1());
            box.add(m.y2() - m.y1());
            o.add("box", box);
            found.add(o);
        }
        root.add("marks", found);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String quoted(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
