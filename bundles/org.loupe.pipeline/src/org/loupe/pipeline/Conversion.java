package org.loupe.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.loupe.api.LoupeException;
import org.loupe.image.PixelImage;
import org.loupe.image.WindowLevel;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ImageFormat;
import org.loupe.image.io.ReadOptions;
import org.loupe.image.io.VolumeFiles;
import org.loupe.image.io.dicom.DicomSeries;
import org.loupe.image.io.dicom.DicomSlice;
import org.loupe.image.volume.Plane;
import org.loupe.image.volume.Volume;

/**
 * {@code loupe convert}: any readable input written in another format. A 2-D image (a DICOM slice included) becomes
 * one file, in its own values (Hounsfield units as 32-bit float TIFF) or, with a display window, as the 8-bit image a
 * viewer shows. For NIfTI output the DICOM inputs are grouped into series and each series becomes one volume; a
 * volume written as TIFF or PNG becomes one file per axial slice. Every target is planned before anything is written:
 * no input is overwritten, no two outputs collide, and existing files are replaced only on request.
 */
public final class Conversion {

    /** The formats {@code convert} writes. */
    public enum Target {
        /** TIFF: keeps every value (float for HU). */
        TIFF("tif"),
        /** PNG: 8 or 16-bit; a window makes it 8-bit. */
        PNG("png"),
        /** NIfTI-1, gzipped: volumes and 2-D images. */
        NII("nii.gz");

        private final String extension;

        Target(String extension) {
            this.extension = extension;
        }
    }

    /**
     * One output to write.
     *
     * @param sources what it is made from: one file, or the files of a DICOM series
     * @param series  the series to stack, or null for a single file
     * @param target  where it goes; for a volume written slice by slice, the first slice's name stem
     */
    public record Job(List<Path> sources, DicomSeries series, Path target) {
        /** How messages name the job's input. */
        public String input() {
            return sources.size() == 1 ? sources.get(0).toString() : sources.get(0).getParent() + " (" + sources.size()
                    + " DICOM files)";
        }
    }

    private final Target target;
    private final WindowLevel window;
    private final ReadOptions read;
    private final Set<Path> inputs = new HashSet<>();
    private boolean overwrite;

    /**
     * @param window a display window, or null to keep values
     */
    public Conversion(Target target, WindowLevel window, ReadOptions read) {
        this.target = target;
        this.window = window;
        this.read = read;
    }

    /**
     * A window from its command-line form: a preset name ({@link WindowLevel#presets()}) or WIDTH/LEVEL.
     *
     * @throws LoupeException USAGE for anything else
     */
    public static WindowLevel window(String spec) throws LoupeException {
        try {
            int slash = spec.indexOf('/');
            if (slash > 0) {
                return WindowLevel.ofCentre(Double.parseDouble(spec.substring(slash + 1)),
                        Double.parseDouble(spec.substring(0, slash)));
            }
            return WindowLevel.preset(spec);
        } catch (IllegalArgumentException e) {
            throw LoupeException.usage("--window " + spec + ": give a preset (" + String.join(", ",
                    WindowLevel.presets()) + ") or WIDTH/LEVEL, e.g. 400/40");
        }
    }

    /**
     * Plans the outputs of the inputs (files and folders) in {@code outDir}.
     *
     * @throws LoupeException USAGE if an output would overwrite an input, two outputs collide or a target exists
     *                        without {@code overwrite}; INPUT for a folder that cannot be listed
     */
    public List<Job> plan(List<Path> inputs, Path outDir, boolean overwrite) throws LoupeException {
        this.overwrite = overwrite;
        List<Job> jobs = new ArrayList<>();
        List<Path> dicom = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                List<Path> images = ImageFiles.list(in);
                boolean anyDicom = false;
                for (DicomSeries s : seriesIn(List.of(in))) {
                    dicom.addAll(s.files());
                    anyDicom = true;
                }
                for (Path f : images) {
                    if (!anyDicom || !dicom.contains(f)) {
                        jobs.add(new Job(List.of(f), null, outDir.resolve(stem(f) + "." + target.extension)));
                    }
                }
            } else if (target == Target.NII && isDicom(in)) {
                dicom.add(in);
            } else {
                jobs.add(new Job(List.of(in), null, outDir.resolve(stem(in) + "." + target.extension)));
            }
        }
        if (!dicom.isEmpty()) {
            if (target == Target.NII) {
                for (DicomSeries s : seriesIn(dicom)) {
                    jobs.add(new Job(s.files(), s, outDir.resolve(seriesName(s) + "." + target.extension)));
                }
            } else {
                for (Path f : dicom) {
                    jobs.add(new Job(List.of(f), null, outDir.resolve(stem(f) + "." + target.extension)));
                }
            }
        }
        check(jobs, inputs, overwrite);
        for (Job j : jobs) {
            j.sources().forEach(p -> this.inputs.add(OutputPlan.canonical(p)));
        }
        inputs.forEach(p -> this.inputs.add(OutputPlan.canonical(p)));
        return jobs;
    }

    private List<DicomSeries> seriesIn(List<Path> paths) throws LoupeException {
        try {
            return VolumeFiles.dicomSeries(paths, read);
        } catch (LoupeException e) {
            if (e.reason() == LoupeException.Reason.INPUT && e.getMessage().endsWith("holds no DICOM image")) {
                return List.of();
            }
            throw e;
        }
    }

    private static boolean isDicom(Path p) {
        try {
            return ImageFiles.formatOf(p) == ImageFormat.DICOM;
        } catch (LoupeException e) {
            return false;
        }
    }

    private static void check(List<Job> jobs, List<Path> inputs, boolean overwrite) throws LoupeException {
        Map<Path, Path> inputSet = new HashMap<>();
        for (Path in : inputs) {
            inputSet.put(OutputPlan.canonical(in), in);
        }
        Map<Path, Job> claimed = new LinkedHashMap<>();
        for (Job j : jobs) {
            for (Path s : j.sources()) {
                inputSet.put(OutputPlan.canonical(s), s);
            }
        }
        for (Job j : jobs) {
            Path t = OutputPlan.canonical(j.target());
            if (inputSet.containsKey(t)) {
                throw LoupeException.usage("the output of " + j.input() + " would be " + j.target() + ", an input of "
                        + "this run; choose another --out");
            }
            Job other = claimed.putIfAbsent(t, j);
            if (other != null) {
                throw LoupeException.usage(other.input() + " and " + j.input() + " would both be written to "
                        + j.target() + "; convert them into different --out folders");
            }
        }
        OutputPlan.refuseExisting(jobs.stream().map(Job::target).toList(), overwrite);
    }

    /**
     * Writes one job's output(s).
     *
     * @return the files written
     * @throws LoupeException INPUT for an unreadable input, USAGE for a volume asked as one 2-D file
     */
    public List<Path> run(Job job) throws LoupeException {
        if (job.series() != null) {
            Volume v = VolumeFiles.read(job.series(), read);
            VolumeFiles.writeNifti(v, job.target());
            return List.of(job.target());
        }
        Path in = job.sources().get(0);
        ImageFormat format = ImageFiles.formatOf(in);
        if (format == ImageFormat.NIFTI) {
            Volume v = VolumeFiles.read(in, read);
            if (v.depth() > 1) {
                return target == Target.NII ? writeVolume(v, job.target())
                        : writeSlices(sliceList(v), job.target());
            }
        }
        if (format == ImageFormat.DICOM) {
            DicomSlice d = VolumeFiles.readDicom(in, read);
            if (d.frames().size() > 1) {
                return target == Target.NII ? writeVolume(VolumeFiles.read(in, read), job.target())
                        : writeSlices(d.frames(), job.target());
            }
        }
        PixelImage image = ImageFiles.read(in, read);
        write(image, job.target());
        return List.of(job.target());
    }

    private List<Path> writeVolume(Volume v, Path to) throws LoupeException {
        VolumeFiles.writeNifti(v, to);
        return List.of(to);
    }

    private static List<PixelImage> sliceList(Volume v) {
        List<PixelImage> slices = new ArrayList<>();
        for (int k = 0; k < v.depth(); k++) {
            slices.add(v.slice(Plane.AXIAL, k));
        }
        return slices;
    }

    /** Slice files {@code STEM_z001.EXT}...: their names are known only now, so they are checked only now. */
    private List<Path> writeSlices(List<PixelImage> slices, Path first) throws LoupeException {
        String name = first.getFileName().toString();
        String stem = name.substring(0, name.length() - target.extension.length() - 1);
        int digits = Math.max(3, Integer.toString(slices.size()).length());
        List<Path> targets = new ArrayList<>();
        for (int k = 0; k < slices.size(); k++) {
            targets.add(first.resolveSibling(String.format(Locale.ROOT, "%s_z%0" + digits + "d.%s", stem, k + 1,
                    target.extension)));
        }
        for (Path t : targets) {
            if (inputs.contains(OutputPlan.canonical(t))) {
                throw LoupeException.usage("the slice " + t + " would overwrite an input of this run; choose another "
                        + "--out");
            }
        }
        OutputPlan.refuseExisting(targets, overwrite);
        for (int k = 0; k < slices.size(); k++) {
            write(slices.get(k), targets.get(k));
        }
        return targets;
    }

    private void write(PixelImage image, Path to) throws LoupeException {
        PixelImage out = window == null ? image : window.toDisplay(image);
        ImageFormat format = switch (target) {
            case TIFF -> ImageFormat.TIFF;
            case PNG -> ImageFormat.PNG.canStore(out.type()) ? ImageFormat.PNG : null;
            case NII -> ImageFormat.NIFTI;
        };
        if (format == null) {
            throw LoupeException.usage("PNG cannot hold the " + out.type() + " values of " + image.metadata().name()
                    + " (Hounsfield units are float): give a --window for an 8-bit view, or use --format tiff");
        }
        if (!format.canStore(out.type())) {
            // deep colour (three float planes) has no file format Loupe writes; the other inputs go on
            throw LoupeException.badInput(image.metadata().label("input"), "holds " + out.type() + " samples, which "
                    + "Loupe cannot write as " + format + " (give a --window for an 8-bit view)");
        }
        ImageFiles.write(out, to, format);
    }

    private static String stem(Path f) {
        return ImageFormat.stem(f.getFileName().toString());
    }

    private static String seriesName(DicomSeries s) {
        if (s.files().size() == 1) {
            return stem(s.files().get(0));
        }
        Path folder = s.files().get(0).toAbsolutePath().getParent();
        String base = s.description().isBlank() ? folder.getFileName().toString() : s.description();
        return base.replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
