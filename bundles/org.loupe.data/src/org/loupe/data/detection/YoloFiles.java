package org.loupe.data.detection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.loupe.api.LoupeException;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.metrics.detection.GroundTruth;

/**
 * YOLO annotations: beside {@code images/NAME.png}, {@code labels/NAME.txt} with one {@code class cx cy w h} line per
 * object, the class a 0-based index into {@code classes.txt} and the box in fractions of the image's width and
 * height.
 */
public final class YoloFiles {

    /** The class names of a YOLO-layout folder, one per line. */
    public static final String CLASSES = "classes.txt";

    private YoloFiles() {
    }

    /** The label file's text for one image. */
    public static String format(List<GroundTruth> truth, List<String> classes, int width, int height) {
        StringBuilder sb = new StringBuilder();
        for (GroundTruth g : truth) {
            int c = classes.indexOf(g.label());
            if (c < 0) {
                throw new IllegalArgumentException("label '" + g.label() + "' is not among " + classes);
            }
            sb.append(String.format(Locale.ROOT, "%d %.6f %.6f %.6f %.6f%n", c, (g.x1() + g.x2()) / 2 / width,
                    (g.y1() + g.y2()) / 2 / height, (g.x2() - g.x1()) / width, (g.y2() - g.y1()) / height));
        }
        return sb.toString();
    }

    /**
     * Reads a YOLO-layout folder: every image of {@code images/} with its label file (none: no objects).
     *
     * @throws LoupeException INPUT naming the file and line of the first malformed label
     */
    public static List<AnnotatedImageFile> read(Path dir) throws LoupeException {
        List<String> classes;
        try {
            classes = Files.readAllLines(dir.resolve(CLASSES)).stream().map(String::strip).filter(s -> !s.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw LoupeException.badInput(dir.resolve(CLASSES).toString(), "cannot be read (" + e.getMessage() + ")",
                    e);
        }
        List<AnnotatedImageFile> out = new ArrayList<>();
        for (Path image : ImageFiles.list(dir.resolve("images"))) {
            String n = image.getFileName().toString();
            String id = n.substring(0, n.lastIndexOf('.'));
            Path labels = dir.resolve("labels").resolve(id + ".txt");
            List<GroundTruth> truth = new ArrayList<>();
            if (Files.exists(labels)) {
                PixelImage img = ImageFiles.read(image);
                truth = readLabels(labels, classes, img.width(), img.height());
            }
            out.add(new AnnotatedImageFile(id, image, null, truth));
        }
        return out;
    }

    private static List<GroundTruth> readLabels(Path file, List<String> classes, int width, int height)
            throws LoupeException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw LoupeException.badInput(file.toString(), "cannot be read (" + e.getMessage() + ")", e);
        }
        List<GroundTruth> truth = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            try {
                int c = Integer.parseInt(f[0]);
                double cx = Double.parseDouble(f[1]) * width;
                double cy = Double.parseDouble(f[2]) * height;
                double w = Double.parseDouble(f[3]) * width;
                double h = Double.parseDouble(f[4]) * height;
                if (f.length != 5 || c < 0 || c >= classes.size() || !(w >= 0 && h >= 0)) {
                    throw new IllegalArgumentException();
                }
                truth.add(new GroundTruth(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, classes.get(c)));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw LoupeException.badInput(file.toString(), "line " + (i + 1) + ": expected 'class cx cy w h' "
                        + "with a class in 0.." + (classes.size() - 1) + " and fractions, got '" + line + "'", e);
            }
        }
        return truth;
    }
}
