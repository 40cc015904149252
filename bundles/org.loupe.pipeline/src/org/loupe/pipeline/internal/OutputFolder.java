package org.loupe.pipeline.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.loupe.api.DefectClassifier;
import org.loupe.api.DefectDetector;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.ImageMetric;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Segmenter;
import org.loupe.image.io.ImageFormat;
import org.loupe.pipeline.Item;
import org.loupe.pipeline.OutputPlan;
import org.loupe.pipeline.Pipeline;
import org.loupe.pipeline.Step;
import org.loupe.registry.ProviderRegistry;

/**
 * The output folder of a run: checked before any work so that no input and no file of anything else is overwritten,
 * and named by what identifies the run's outputs.
 */
public final class OutputFolder {

    private OutputFolder() {
    }

    /**
     * Refuses, before any work, a folder that holds files but no records of an earlier run (unless
     * {@code overwrite}), and outputs that would land on an input or a reference of the batch.
     *
     * @throws LoupeException USAGE naming the folder, or both files
     */
    public static void check(Path outDir, List<Item> items, Pipeline pipeline, boolean overwrite)
            throws LoupeException {
        if (!overwrite && !Files.isRegularFile(outDir.resolve(RunRecords.FILE))
                && !OutputPlan.isEmptyOrAbsent(outDir)) {
            throw LoupeException.usage(outDir + " holds files but no " + RunRecords.FILE + " of an earlier run; "
                    + "refusing to write into it (choose an empty or new --out, or --overwrite)");
        }
        Map<Path, Path> inputs = new HashMap<>();
        for (Item item : items) {
            for (Path f : filesOf(pipeline, item)) {
                inputs.put(OutputPlan.canonical(f), item.file());
            }
        }
        for (Item item : items) {
            for (String name : outputNames(pipeline, item)) {
                Path target = outDir.resolve(name);
                Path owner = inputs.get(OutputPlan.canonical(target));
                if (owner != null) {
                    throw LoupeException.usage("the output " + target + " of " + item.file() + " would overwrite an "
                            + "input of this run (of " + owner + "); choose another --out");
                }
            }
        }
    }

    /** What identifies the run's outputs besides the items' files: the pipeline and its providers' versions. */
    public static String identity(Pipeline pipeline, ProviderRegistry registry) throws LoupeException {
        StringBuilder sb = new StringBuilder(pipeline.source());
        providers(pipeline, registry).forEach(p -> sb.append('\n').append(p));
        return sb.toString();
    }

    /** The providers of the pipeline's steps, {@code id@version} each, in step order. */
    public static List<String> providers(Pipeline pipeline, ProviderRegistry registry) throws LoupeException {
        List<String> providers = new ArrayList<>();
        for (Step s : pipeline.steps()) {
            Class<? extends LoupeService> contract = s instanceof Step.Enhance ? ImageEnhancer.class
                    : s instanceof Step.Detect ? DefectDetector.class
                    : s instanceof Step.Classify || s instanceof Step.Lesions ? DefectClassifier.class
                    : s instanceof Step.Segment ? Segmenter.class : ImageMetric.class;
            providers.add(s.provider() + "@" + registry.provider(s.provider(), contract).descriptor().version());
        }
        return providers;
    }

    /** The files an item reads: its input and the references its steps name. */
    public static List<Path> filesOf(Pipeline pipeline, Item item) {
        List<Path> files = new ArrayList<>(List.of(item.file()));
        for (Step s : pipeline.steps()) {
            if (s instanceof Step.Detect d && d.reference() != null) {
                files.add(d.reference().resolve(item.file(), item.name()));
            } else if (s instanceof Step.Classify c && c.reference() != null) {
                files.add(c.reference().resolve(item.file(), item.name()));
            } else if (s instanceof Step.Measure m) {
                files.add(m.reference().resolve(item.file(), item.name()));
            } else if (s instanceof Step.Segment g && g.truth() != null) {
                files.add(g.truth().resolve(item.file(), item.name()));
            } else if (s instanceof Step.Lesions l && l.truth() != null) {
                files.add(l.truth().resolve(item.file(), item.name()));
                files.add(l.lesionMap().resolve(item.file(), item.name()));
            }
        }
        return files;
    }

    /** The names an item's outputs may have (an image in any format Loupe writes, the detections). */
    private static List<String> outputNames(Pipeline pipeline, Item item) {
        List<String> names = new ArrayList<>();
        if (pipeline.enhances() && pipeline.images()) {
            for (ImageFormat f : ImageFormat.values()) {
                names.add(item.name() + "." + f.extension());
            }
        }
        names.add(item.name() + ".txt");
        names.add(item.name() + ".patches.csv");
        if (pipeline.volumes()) {
            names.add(item.name() + ".nii.gz");
            for (Step s : pipeline.steps()) {
                names.add(item.name() + "." + s.provider() + ".nii.gz");
            }
            names.add(item.name() + ".lesions.csv");
        }
        return names;
    }
}
