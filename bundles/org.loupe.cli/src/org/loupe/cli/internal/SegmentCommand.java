package org.loupe.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.Segmenter;
import org.loupe.image.GrayU8;
import org.loupe.image.LabelImage;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ImageFormat;
import org.loupe.image.io.VolumeFiles;
import org.loupe.image.volume.Volume;
import org.loupe.pipeline.BatchPolicy;
import org.loupe.pipeline.OutputPlan;
import org.loupe.registry.ProviderHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loupe segment}: label maps of images and volumes. A 2-D image gives an 8-bit PNG of label numbers; a
 * volume (NIfTI file, DICOM series folder) gives a NIfTI label map.
 */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Label images (PNG of label numbers) and volumes (NIfTI, DICOM series folders: NIfTI label "
                + "maps) with a segmenter.")
final class SegmentCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--with", required = true, paramLabel = "ID", description = "Segmenter id.")
    private String id;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE", description = "A parameter of the segmenter.")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    private Path out;

    @Mixin
    private OverwriteOption overwrite;

    @Mixin
    private FailFastOption failFast;

    @picocli.CommandLine.Parameters(arity = "1..*", paramLabel = "IN",
            description = "Images, NIfTI volumes or DICOM series folders.")
    private List<Path> inputs;

    SegmentCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        ProviderHandle<Segmenter> h = session.registry().provider(id, Segmenter.class);
        Parameters bound = Parameters.bind(h.call(LoupeService::parameters), params);
        List<Path> targets = inputs.stream().map(in -> target(in, false)).toList();
        if (targets.stream().distinct().count() < targets.size()) {
            // DICOM series often sit in folders of one name (case-001/ct, case-002/ct): name them by their parent
            targets = inputs.stream().map(in -> target(in, true)).toList();
        }
        for (int i = 0; i < inputs.size(); i++) {
            int first = targets.indexOf(targets.get(i));
            if (first != i) {
                throw LoupeException.usage("inputs " + inputs.get(first) + " and " + inputs.get(i) + " would both be "
                        + "written to " + targets.get(i) + "; segment them into different --out folders");
            }
            if (OutputPlan.canonical(targets.get(i)).equals(OutputPlan.canonical(inputs.get(i)))) {
                throw LoupeException.usage("the output of " + inputs.get(i) + " would overwrite it; choose another "
                        + "--out");
            }
        }
        OutputPlan.refuseExisting(targets, overwrite.overwrite);
        BatchPolicy policy = new BatchPolicy(failFast.failFast, session::fail);
        for (int i = 0; i < inputs.size(); i++) {
            Path in = inputs.get(i);
            Path target = targets.get(i);
            policy.item(in.toString(), () -> {
                ProcessingContext ctx = ProcessingContext.builder().parameters(bound)
                        .onProgress(new ProgressLines(session.err(), in.getFileName().toString())).build();
                if (isVolume(in)) {
                    Volume v = VolumeFiles.read(in, session.readOptions());
                    Volume labels = h.call(s -> s.segment(v, ctx));
                    VolumeFiles.writeNifti(labels, target);
                    session.out().printf(Locale.ROOT, "%s -> %s  (%s)%n", in, target, labels.metadata()
                            .property("labels").orElse("labels"));
                } else {
                    PixelImage img = ImageFiles.read(in, session.readOptions());
                    LabelImage labels = h.call(s -> s.segment(img, ctx));
                    GrayU8 map = GrayU8.create(labels.width(), labels.height());
                    for (int y = 0; y < labels.height(); y++) {
                        for (int x = 0; x < labels.width(); x++) {
                            map.set(x, y, labels.label(x, y));
                        }
                    }
                    ImageFiles.write(map, target, ImageFormat.PNG);
                    session.out().printf(Locale.ROOT, "%s -> %s  (%s)%n", in, target, String.join(",",
                            labels.names()));
                }
                return target;
            });
        }
        return policy.exitCode();
    }

    /** DICOM series folders and NIfTI files are volumes (a one-slice NIfTI file too: it gets a NIfTI label map). */
    private static boolean isVolume(Path in) {
        String name = in.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isDirectory(in) || name.endsWith(".nii") || name.endsWith(".nii.gz");
    }

    private Path target(Path in, boolean withParent) {
        String name = in.getFileName().toString();
        Path parent = in.toAbsolutePath().normalize().getParent();
        if (withParent && Files.isDirectory(in) && parent != null && parent.getFileName() != null) {
            name = parent.getFileName() + "-" + name;
        }
        String stem = Files.isDirectory(in) ? name : ImageFormat.stem(name);
        return out.resolve(stem + ".labels." + (isVolume(in) ? "nii.gz" : "png"));
    }
}
