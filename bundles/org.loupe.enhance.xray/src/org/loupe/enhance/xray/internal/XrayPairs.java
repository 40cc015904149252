package org.loupe.enhance.xray.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.loupe.api.LoupeException;
import org.loupe.image.GrayF32;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ImageFormat;
import org.loupe.tensorflow.train.PatchSampler;

/**
 * The LQ/HQ frame pairs of an X-ray dataset laid out as {@code loupe data xray} writes it
 * ({@code TYPE/train|test/lq|hq/NAME}), or a single {@code lq/} + {@code hq/} folder. Files are only read.
 */
final class XrayPairs {

    /** One pair: the image type it belongs to (the folder above the split) and the two files. */
    record Entry(String type, Path lq, Path hq) {
    }

    private XrayPairs() {
    }

    /**
     * The pairs of one split, sorted by type and name.
     *
     * @throws LoupeException INPUT naming the folder or file for a missing folder, no pairs, or an unmatched file
     */
    static List<Entry> list(Path root, String split) throws LoupeException {
        if (!Files.isDirectory(root)) {
            throw LoupeException.badInput(root.toString(), "no such dataset folder");
        }
        List<Entry> entries = new ArrayList<>();
        if (Files.isDirectory(root.resolve("lq"))) {
            add(entries, root.getFileName().toString(), root);
        } else {
            for (Path type : children(root)) {
                Path dir = type.resolve(split);
                if (Files.isDirectory(dir.resolve("lq"))) {
                    add(entries, type.getFileName().toString(), dir);
                }
            }
        }
        if (entries.isEmpty()) {
            throw LoupeException.badInput(root.toString(), "holds no " + split + "/lq and " + split + "/hq frames "
                    + "(make a dataset with 'loupe data xray')");
        }
        return entries;
    }

    private static void add(List<Entry> entries, String type, Path dir) throws LoupeException {
        Path hq = dir.resolve("hq");
        for (Path f : children(dir.resolve("lq"))) {
            if (ImageFormat.fromFileName(f.getFileName().toString()).isEmpty()) {
                continue;
            }
            Path partner = hq.resolve(f.getFileName().toString());
            if (!Files.isRegularFile(partner)) {
                throw LoupeException.badInput(f.toString(), "has no HQ partner " + partner);
            }
            entries.add(new Entry(type, f, partner));
        }
    }

    private static List<Path> children(Path dir) throws LoupeException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw LoupeException.badInput(dir.toString(), "cannot be listed (" + e.getMessage() + ")", e);
        }
    }

    /** Reads a pair as float frames in [0, 1] (divided by the type's full scale). */
    static PatchSampler.Pair read(Entry e) throws LoupeException {
        GrayF32 lq = unit(ImageFiles.read(e.lq()));
        GrayF32 hq = unit(ImageFiles.read(e.hq()));
        if (lq.width() != hq.width() || lq.height() != hq.height()) {
            throw LoupeException.badInput(e.hq().toString(), "is " + hq.width() + "x" + hq.height() + " but its LQ "
                    + "frame is " + lq.width() + "x" + lq.height());
        }
        return new PatchSampler.Pair(lq, hq);
    }

    /** A one-band image as floats divided by its full scale. */
    static GrayF32 unit(PixelImage img) throws LoupeException {
        if (img.bands() != 1) {
            throw LoupeException.badInput(img.metadata().name(), "is " + img.type() + "; X-ray frames are grey");
        }
        double full = img.type().pixelType().isInteger() ? img.type().pixelType().maxValue() : 1;
        GrayF32 out = GrayF32.create(img.width(), img.height()).withMetadata(img.metadata());
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                out.set(x, y, (float) (img.getFloat(x, y, 0) / full));
            }
        }
        return out;
    }
}
