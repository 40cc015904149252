package org.loupe.pipeline.evaluation;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loupe.api.Detection;
import org.loupe.api.LoupeException;
import org.loupe.image.FloatImages;
import org.loupe.image.GrayF32;
import org.loupe.image.RgbU8;
import org.loupe.image.io.ImageFiles;
import org.loupe.metrics.detection.AnnotatedImage;
import org.loupe.metrics.detection.DetectionEvaluation;
import org.loupe.metrics.detection.GroundTruth;

/**
 * The strip of a detection report's worst images: each image shrunk to {@value #WIDTH} pixels wide, its annotated
 * boxes drawn in green and the detections at the report's threshold in red, so that a reader sees at a glance what
 * was missed and what was invented.
 */
public final class WorstImages {

    /** Width of a thumbnail, in pixels. */
    public static final int WIDTH = 240;

    private WorstImages() {
    }

    /**
     * Writes one PNG per worst image of the report into {@code dir} and returns their file names by image id; images
     * whose file is unknown or unreadable are left out (the table still names them).
     *
     * @param files the image file of each id
     */
    public static Map<String, String> write(DetectionReport report, List<AnnotatedImage> images,
            Map<String, Path> files, Path dir, String prefix) {
        Map<String, AnnotatedImage> byId = new LinkedHashMap<>();
        images.forEach(i -> byId.put(i.id(), i));
        Map<String, String> written = new LinkedHashMap<>();
        int n = 0;
        for (DetectionEvaluation.ImageCounts worst : report.worst()) {
            AnnotatedImage image = byId.get(worst.id());
            Path file = files.get(worst.id());
            if (image == null || file == null) {
                continue;
            }
            String name = prefix + "worst-" + (++n) + ".png";
            try {
                ImageFiles.write(thumbnail(FloatImages.brightness(ImageFiles.read(file)), image,
                        report.scoreThreshold()), dir.resolve(name));
                written.put(worst.id(), name);
            } catch (LoupeException e) {
                // an image that cannot be shown keeps its row in the table without a picture
            }
        }
        return written;
    }

    static RgbU8 thumbnail(GrayF32 grey, AnnotatedImage image, double threshold) {
        double scale = Math.min(1, (double) WIDTH / grey.width());
        int w = Math.max(1, (int) Math.round(grey.width() * scale));
        int h = Math.max(1, (int) Math.round(grey.height() * scale));
        RgbU8 out = RgbU8.create(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = (int) Math.round(255 * Math.max(0, Math.min(1, grey.get(Math.min(grey.width() - 1,
                        (int) (x / scale)), Math.min(grey.height() - 1, (int) (y / scale))))));
                out.set(x, y, v, v, v);
            }
        }
        for (GroundTruth g : image.truth()) {
            rectangle(out, g.x1() * scale, g.y1() * scale, g.x2() * scale, g.y2() * scale, 0, 220, 0);
        }
        for (Detection d : image.predictions()) {
            if (d.score() >= threshold) {
                rectangle(out, d.x1() * scale, d.y1() * scale, d.x2() * scale, d.y2() * scale, 255, 0, 0);
            }
        }
        return out;
    }

    private static void rectangle(RgbU8 img, double x1, double y1, double x2, double y2, int r, int g, int b) {
        int l = clamp((int) Math.floor(x1), img.width());
        int t = clamp((int) Math.floor(y1), img.height());
        int rt = clamp((int) Math.ceil(x2), img.width());
        int bt = clamp((int) Math.ceil(y2), img.height());
        for (int x = l; x <= rt; x++) {
            img.set(x, t, r, g, b);
            img.set(x, bt, r, g, b);
        }
        for (int y = t; y <= bt; y++) {
            img.set(l, y, r, g, b);
            img.set(rt, y, r, g, b);
        }
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size - 1, v));
    }
}
