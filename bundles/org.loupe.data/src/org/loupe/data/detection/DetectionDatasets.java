package org.loupe.data.detection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.loupe.api.LoupeException;
import org.loupe.data.deeppcb.DeepPcbDataset;
import org.loupe.data.deeppcb.DeepPcbFiles;
import org.loupe.metrics.detection.GroundTruth;

/**
 * Reads a detection data set in any of the layouts Loupe knows, so one folder trains and evaluates every backend:
 * COCO ({@code annotations.json}), YOLO ({@code images/}, {@code labels/}, {@code classes.txt}) or DeepPCB (pair
 * lists, test images with templates).
 */
public final class DetectionDatasets {

    /** The layouts. */
    public enum Layout {
        /** {@code annotations.json} beside the images. */
        COCO,
        /** {@code images/}, {@code labels/} and {@code classes.txt}. */
        YOLO,
        /** DeepPCB's pair lists. */
        DEEPPCB
    }

    private DetectionDatasets() {
    }

    /** The layout of a folder, from the files it holds (DeepPCB when neither COCO's nor YOLO's are there). */
    public static Layout layoutOf(Path dir) {
        if (Files.isRegularFile(dir.resolve(CocoFiles.FILE_NAME))) {
            return Layout.COCO;
        }
        if (Files.isRegularFile(dir.resolve(YoloFiles.CLASSES)) && Files.isDirectory(dir.resolve("images"))) {
            return Layout.YOLO;
        }
        return Layout.DEEPPCB;
    }

    /**
     * Every annotated image of a COCO or YOLO folder.
     *
     * @throws LoupeException INPUT for a missing or malformed annotation, USAGE for a DeepPCB folder (whose pairs
     *                        come from a list: see {@link #of(List)})
     */
    public static List<AnnotatedImageFile> read(Path dir) throws LoupeException {
        return switch (layoutOf(dir)) {
            case COCO -> CocoFiles.read(dir.resolve(CocoFiles.FILE_NAME));
            case YOLO -> YoloFiles.read(dir);
            case DEEPPCB -> throw LoupeException.usage(dir + " is in DeepPCB's layout: its pairs come from a list");
        };
    }

    /**
     * Every annotated image of a folder in any layout, a DeepPCB folder's pairs from its list file {@code list}
     * (relative to the folder), in order: what trainers read.
     */
    public static List<AnnotatedImageFile> readAll(Path dir, String list) throws LoupeException {
        return layoutOf(dir) == Layout.DEEPPCB ? of(DeepPcbDataset.read(dir, dir.resolve(list))) : read(dir);
    }

    /**
     * The annotations of one image, found where its data set keeps them: DeepPCB's {@code ../DIR_not/NAME.txt}
     * beside {@code DIR/NAME_test.jpg}, a COCO {@code annotations.json} in the image's folder or the one above that
     * lists it, or a YOLO folder's labels for an image in its {@code images/}.
     *
     * @param truth  the annotated objects
     * @param layout the layout they were read from
     * @param source the annotation file
     */
    public record ImageTruth(List<GroundTruth> truth, Layout layout, Path source) {
    }

    /**
     * The annotations of an image, if its data set has any (see {@link ImageTruth}).
     *
     * @throws LoupeException INPUT for a malformed annotation file
     */
    public static Optional<ImageTruth> truthOf(Path image) throws LoupeException {
        Path file = image.toAbsolutePath().normalize();
        Path dir = file.getParent();
        String name = file.getFileName().toString();
        int test = name.lastIndexOf("_test.");
        if (test > 0 && dir.getParent() != null) {
            Path txt = dir.resolveSibling(dir.getFileName() + "_not").resolve(name.substring(0, test) + ".txt");
            if (Files.isRegularFile(txt)) {
                return Optional.of(new ImageTruth(DeepPcbFiles.readTruth(txt), Layout.DEEPPCB, txt));
            }
        }
        for (Path folder : new Path[] {dir, dir.getParent()}) {
            Layout layout = folder == null ? Layout.DEEPPCB : layoutOf(folder);
            if (layout == Layout.DEEPPCB) {
                continue;
            }
            Path source = folder.resolve(layout == Layout.COCO ? CocoFiles.FILE_NAME : YoloFiles.CLASSES);
            for (AnnotatedImageFile f : read(folder)) {
                if (f.image().toAbsolutePath().normalize().equals(file)) {
                    return Optional.of(new ImageTruth(f.truth(), layout, source));
                }
            }
        }
        return Optional.empty();
    }

    /** DeepPCB pairs as annotated images, each with its template as reference. */
    public static List<AnnotatedImageFile> of(List<DeepPcbDataset.Entry> entries) throws LoupeException {
        List<AnnotatedImageFile> out = new ArrayList<>();
        for (DeepPcbDataset.Entry e : entries) {
            out.add(new AnnotatedImageFile(e.id(), e.test(), e.template(), DeepPcbFiles.readTruth(e.annotation())));
        }
        return out;
    }

    /**
     * A fingerprint of a data set as trainers record it beside a model: SHA-256 over every image's name and size
     * and every box, in order, so that retraining on the same data gives the same hash and any edit changes it.
     *
     * @throws LoupeException INPUT if an image cannot be read
     */
    public static String hash(List<AnnotatedImageFile> all) throws LoupeException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (AnnotatedImageFile f : all) {
                md.update((f.image().getFileName() + " " + Files.size(f.image()) + "\n").getBytes(
                        StandardCharsets.UTF_8));
                for (GroundTruth g : f.truth()) {
                    md.update(String.format(Locale.ROOT, "%s %.3f %.3f %.3f %.3f\n", g.label(), g.x1(), g.y1(),
                            g.x2(), g.y2()).getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw LoupeException.badInput("training images", "cannot be read (" + e.getMessage() + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
