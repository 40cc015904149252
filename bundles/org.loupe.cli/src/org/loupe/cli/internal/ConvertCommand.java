package org.loupe.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.loupe.api.LoupeException;
import org.loupe.image.WindowLevel;
import org.loupe.pipeline.BatchPolicy;
import org.loupe.pipeline.Conversion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loupe convert}: the command-line face of {@link Conversion}. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Write images and volumes in another format: a DICOM CT slice becomes a 32-bit float TIFF in "
            + "Hounsfield units, a DICOM series one NIfTI volume (--format nii), and with --window an 8-bit PNG as a "
            + "viewer shows it.", "Folders are searched for images and DICOM series."})
final class ConvertCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed).")
    private Path out;

    @Option(names = "--format", paramLabel = "FORMAT", description = "tiff, png or nii (default: tiff, or png with "
            + "--window).")
    private String format;

    @Option(names = "--window", paramLabel = "PRESET|W/L", description = "Display window: a preset (abdomen, liver, "
            + "bone, lung, brain) or WIDTH/LEVEL such as 400/40; writes 8-bit images.")
    private String window;

    @Option(names = "--json", description = "Print a JSON report on standard output.")
    private boolean json;

    @Mixin
    private OverwriteOption overwrite;

    @Mixin
    private FailFastOption failFast;

    @Parameters(arity = "1..*", paramLabel = "IN", description = "Images, DICOM or NIfTI files, or folders.")
    private List<Path> inputs;

    ConvertCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        WindowLevel w = window == null ? null : Conversion.window(window);
        Conversion conversion = new Conversion(target(w), w, session.readOptions());
        List<Conversion.Job> jobs = conversion.plan(inputs, out, overwrite.overwrite);
        if (jobs.isEmpty()) {
            throw LoupeException.usage("no image, DICOM or NIfTI file found in the inputs");
        }
        BatchPolicy policy = new BatchPolicy(failFast.failFast, session::fail);
        List<Map<String, Object>> done = new ArrayList<>();
        for (Conversion.Job job : jobs) {
            policy.item(job.input(), () -> conversion.run(job)).ifPresent(files -> {
                if (!json) {
                    session.out().println(files.size() == 1 ? "wrote " + files.get(0) : "wrote " + files.size()
                            + " slices " + files.get(0).getFileName() + " ... " + files.get(files.size() - 1)
                            .getFileName() + " in " + out);
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("input", job.input());
                m.put("outputs", files.stream().map(Path::toString).toList());
                done.add(m);
            });
        }
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("converted", done);
            report.put("failures", policy.failures());
            session.out().println(Json.GSON.toJson(report));
        }
        return policy.exitCode();
    }

    private Conversion.Target target(WindowLevel w) throws LoupeException {
        if (format == null) {
            return w == null ? Conversion.Target.TIFF : Conversion.Target.PNG;
        }
        return switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "tiff", "tif" -> Conversion.Target.TIFF;
            case "png" -> Conversion.Target.PNG;
            case "nii", "nifti" -> Conversion.Target.NII;
            default -> throw LoupeException.usage("--format " + format + ": use tiff, png or nii");
        };
    }
}
