package org.loupe.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.loupe.api.LoupeException;
import org.loupe.data.deeppcb.DeepPcbDataset;
import org.loupe.data.deeppcb.DeepPcbSplit;
import org.loupe.data.detection.AnnotatedImageFile;
import org.loupe.data.detection.DetectionDatasets;
import picocli.CommandLine.Option;

/** The options that choose DeepPCB pairs, shared by the commands that evaluate on them (a picocli mixin). */
final class DeepPcbSelection {

    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "Folder laid out like DeepPCB, "
            + "or a COCO (annotations.json) or YOLO (images/, labels/, classes.txt) folder.")
    Path dataset;

    @Option(names = "--list", paramLabel = "FILE",
            description = "List of pairs (default: test.txt in the dataset folder, else trainval.txt).")
    private Path list;

    @Option(names = "--part", paramLabel = "PART",
            description = "Only this part of the list under Loupe's split: training, validation or test.")
    private DeepPcbSplit.Part part;

    /** The chosen pairs. */
    List<DeepPcbDataset.Entry> entries() throws LoupeException {
        List<DeepPcbDataset.Entry> all = DeepPcbDataset.read(dataset, listFile(dataset, list));
        return part == null ? all : DeepPcbSplit.part(all, part);
    }

    /**
     * The chosen images with their annotations, from a DeepPCB folder (with templates as references) or a COCO or
     * YOLO folder (whose images are split by the same rule when a part is asked for).
     */
    List<AnnotatedImageFile> images() throws LoupeException {
        if (DetectionDatasets.layoutOf(dataset) == DetectionDatasets.Layout.DEEPPCB) {
            return DetectionDatasets.of(entries());
        }
        if (list != null) {
            throw LoupeException.usage("--list is for DeepPCB folders; " + dataset + " is in "
                    + DetectionDatasets.layoutOf(dataset).name().toLowerCase(Locale.ROOT) + " layout");
        }
        List<AnnotatedImageFile> all = DetectionDatasets.read(dataset);
        return part == null ? all : DeepPcbSplit.part(all, part);
    }

    /** The list to read: the given one, else test.txt in the folder, else trainval.txt. */
    static Path listFile(Path dataset, Path list) {
        if (list != null) {
            return list;
        }
        Path test = dataset.resolve("test.txt");
        return Files.exists(test) ? test : dataset.resolve("trainval.txt");
    }
}
