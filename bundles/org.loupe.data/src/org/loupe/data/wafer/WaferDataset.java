package org.loupe.data.wafer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.data.detection.CocoFiles;
import org.loupe.data.detection.DetectionDatasets;
import org.loupe.data.detection.YoloFiles;
import org.loupe.data.internal.Staging;
import org.loupe.image.io.AtomicFiles;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ImageFormat;

/**
 * A folder of synthetic wafers ({@link WaferGenerator}) in COCO or YOLO layout, with {@code wafers.json} saying how
 * it was made. Image {@code i} is the wafer of seed {@code seed * 1000003 + i}, so sets of different seeds share no
 * image. Made in a sibling folder and moved into place at the end; written only into a new or empty folder.
 */
public final class WaferDataset {

    /** The class names, in category order. */
    public static final List<String> CLASSES = Arrays.stream(WaferDefect.values()).map(WaferDefect::label).toList();

    /**
     * What was written.
     *
     * @param defects defects per class, in {@link #CLASSES} order
     */
    public record Summary(int images, Map<String, Integer> defects) {
    }

    private WaferDataset() {
    }

    /**
     * Generates {@code count} wafers into {@code out}.
     *
     * @throws LoupeException USAGE for a folder that is not new or empty, or a layout other than COCO or YOLO;
     *                        INPUT if a file cannot be written; CANCELLED
     */
    public static Summary create(Path out, int count, long seed, int size, String difficulty,
            DetectionDatasets.Layout layout, ProcessingContext ctx) throws LoupeException {
        if (layout == DetectionDatasets.Layout.DEEPPCB) {
            throw LoupeException.usage("wafers have no golden template; write them as coco or yolo");
        }
        Difficulty d;
        try {
            d = Difficulty.of(difficulty);
        } catch (IllegalArgumentException e) {
            throw LoupeException.usage(e.getMessage());
        }
        Path work = Staging.begin(out);
        List<CocoFiles.Entry> entries = new ArrayList<>();
        Map<String, Integer> defects = new LinkedHashMap<>();
        CLASSES.forEach(c -> defects.put(c, 0));
        try {
            for (int i = 0; i < count; i++) {
                ctx.checkCancelled();
                ctx.progress((double) i / count, "wafer " + (i + 1) + "/" + count);
                WaferGenerator.Wafer w = WaferGenerator.generate(size, d, seed * 1_000_003L + i);
                String name = String.format("wafer-%05d", i + 1);
                ImageFiles.write(w.image(), work.resolve("images").resolve(name + ".png"), ImageFormat.PNG);
                w.defects().forEach(g -> defects.merge(g.label(), 1, Integer::sum));
                if (layout == DetectionDatasets.Layout.YOLO) {
                    AtomicFiles.writeString(work.resolve("labels").resolve(name + ".txt"),
                            YoloFiles.format(w.defects(), CLASSES, size, size));
                }
                entries.add(new CocoFiles.Entry("images/" + name + ".png", size, size, w.defects()));
            }
            if (layout == DetectionDatasets.Layout.COCO) {
                AtomicFiles.writeString(work.resolve(CocoFiles.FILE_NAME), CocoFiles.format(entries, CLASSES));
            } else {
                AtomicFiles.writeString(work.resolve(YoloFiles.CLASSES), String.join("\n", CLASSES) + "\n");
            }
            Map<String, Object> made = new LinkedHashMap<>();
            made.put("generator", "loupe data wafers");
            made.put("images", count);
            made.put("seed", seed);
            made.put("size", size);
            made.put("difficulty", difficulty);
            made.put("layout", layout.name().toLowerCase());
            made.put("defects", defects);
            Staging.finish(work, out, "wafers.json", made);
        } catch (IOException e) {
            throw LoupeException.badInput(out.toString(), "cannot be written (" + e.getMessage() + ")", e);
        } finally {
            AtomicFiles.deleteScratch(work);
        }
        return new Summary(count, defects);
    }
}
