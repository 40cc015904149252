package org.loupe.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.loupe.api.LoupeException;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ImageFormat;

/**
 * Decides where each output goes before any work starts, so that no input and no earlier file is ever overwritten
 * and no two outputs collide. An output keeps its input's file name in the output folder; if that would be the input
 * itself (the output folder is the input's folder), the provider id is added before the extension. A target that
 * names an input of the run is refused, always; a target that already exists is refused unless the user asked to
 * replace earlier outputs ({@code --overwrite}). The command line's per-image commands plan with this; pipeline runs
 * check their output folder with it too.
 */
public final class OutputPlan {

    private final Map<Path, Path> targets;
    private final List<Path> inputPaths;
    private final String providerId;
    private final boolean overwrite;

    private OutputPlan(Map<Path, Path> targets, List<Path> inputPaths, String providerId, boolean overwrite) {
        this.targets = targets;
        this.inputPaths = inputPaths;
        this.providerId = providerId;
        this.overwrite = overwrite;
    }

    /** Input files in order; folders given on the command line are expanded to the image files inside them. */
    public static List<Path> expand(List<Path> inputs) throws LoupeException {
        return expand(inputs, null, null, note -> { });
    }

    /**
     * Input files in order, folders expanded. When a folder is also the output folder, the files Loupe names as the
     * in-place outputs of this provider ({@code NAME.PROVIDER.EXT}) are earlier results, not inputs: they are left
     * out, and {@code note} says so.
     */
    public static List<Path> expand(List<Path> inputs, Path outDir, String providerId, Consumer<String> note)
            throws LoupeException {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (!Files.isDirectory(p)) {
                files.add(p);
                continue;
            }
            List<Path> listed = ImageFiles.list(p);
            if (outDir != null && canonical(p).equals(canonical(outDir))) {
                String mark = "." + providerId + ".";
                List<Path> earlier = listed.stream().filter(f -> f.getFileName().toString().contains(mark)).toList();
                if (!earlier.isEmpty()) {
                    note.accept("note: " + earlier.size() + " file(s) in " + p + " named *" + mark + "* are earlier "
                            + "outputs of " + providerId + ", not inputs; skipping them");
                    listed = listed.stream().filter(f -> !earlier.contains(f)).toList();
                }
            }
            files.addAll(listed);
        }
        return files;
    }

    /**
     * Plans the targets.
     *
     * @param format     output format, or empty to keep each input's format
     * @param providerId added to a name that would otherwise overwrite its input
     * @param overwrite  whether existing files that are not inputs may be replaced
     * @throws LoupeException USAGE naming both files if two inputs would be written to the same file, a target is an
     *                        input, or a target exists and {@code overwrite} is off
     */
    public static OutputPlan of(List<Path> inputs, Path outDir, Optional<ImageFormat> format, String providerId,
            boolean overwrite) throws LoupeException {
        // keep the input's own extension when it names a format Loupe writes; otherwise write PNG
        return plan(inputs, outDir, name -> format.map(ImageFormat::extension).orElse(ImageFormat.fromFileName(name)
                .isPresent() ? name.substring(name.lastIndexOf('.') + 1) : ImageFormat.PNG.extension()), providerId,
                overwrite);
    }

    /** Plans one output per input with the given extension, e.g. a text file of results per image. */
    public static OutputPlan withExtension(List<Path> inputs, Path outDir, String extension, String providerId,
            boolean overwrite) throws LoupeException {
        return plan(inputs, outDir, name -> extension, providerId, overwrite);
    }

    private static OutputPlan plan(List<Path> inputs, Path outDir, Function<String, String> extensionOf,
            String providerId, boolean overwrite) throws LoupeException {
        Map<Path, Path> targets = new LinkedHashMap<>();
        Map<Path, Path> claimedBy = new HashMap<>();
        List<Path> inputPaths = inputs.stream().map(OutputPlan::canonical).toList();
        for (Path in : inputs) {
            String name = in.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            Path target = safe(outDir, stem, extensionOf.apply(name), inputPaths, providerId);
            Path other = claimedBy.putIfAbsent(canonical(target), in);
            if (other != null) {
                throw LoupeException.usage("inputs " + other + " and " + in + " would both be written to " + target
                        + "; process them into different --out folders");
            }
            check(in, target, inputPaths, overwrite);
            targets.put(in, target);
        }
        return new OutputPlan(targets, inputPaths, providerId, overwrite);
    }

    /**
     * Refuses to write over existing files unless {@code overwrite}: for outputs that are not planned per input
     * (reports, prediction files of a data set).
     *
     * @throws LoupeException USAGE naming the first existing target
     */
    public static void refuseExisting(List<Path> targets, boolean overwrite) throws LoupeException {
        for (Path t : targets) {
            if (!overwrite && Files.exists(t)) {
                throw LoupeException.usage(t + " already exists; refusing to overwrite it (--overwrite replaces "
                        + "earlier outputs)");
            }
        }
    }

    /** Whether a folder does not exist or holds nothing. */
    public static boolean isEmptyOrAbsent(Path dir) throws LoupeException {
        if (!Files.isDirectory(dir)) {
            return !Files.exists(dir);
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw LoupeException.badInput(dir.toString(), "cannot be listed (" + e.getMessage() + ")", e);
        }
    }

    private static void check(Path input, Path target, List<Path> inputPaths, boolean overwrite)
            throws LoupeException {
        int clash = inputPaths.indexOf(canonical(target));
        if (clash >= 0) {
            throw LoupeException.usage("the output of " + input + " would be " + target + ", which is an input of "
                    + "this run; refusing to overwrite it (choose another --out)");
        }
        if (!overwrite && Files.exists(target)) {
            throw LoupeException.usage("the output of " + input + " would be " + target + ", which already exists; "
                    + "refusing to overwrite it (--overwrite replaces earlier outputs)");
        }
    }

    /** Where the output for {@code input} goes. */
    public Path target(Path input) {
        return targets.get(input);
    }

    /**
     * Where the output for {@code input} goes if it has to be written in another format than planned, checked by the
     * same rules as the planned targets.
     */
    public Path target(Path input, ImageFormat format) throws LoupeException {
        Path planned = targets.get(input);
        String name = planned.getFileName().toString();
        String stem = name.substring(0, name.lastIndexOf('.'));
        Path target = safe(planned.toAbsolutePath().getParent(), stem, format.extension(), inputPaths, providerId);
        if (!canonical(target).equals(canonical(planned))) {
            check(input, target, inputPaths, overwrite);
        }
        return target;
    }

    private static Path safe(Path dir, String stem, String ext, List<Path> inputPaths, String providerId) {
        Path target = dir.resolve(stem + "." + ext);
        return inputPaths.contains(canonical(target)) ? dir.resolve(stem + "." + providerId + "." + ext) : target;
    }

    /** The path a file is known by: links resolved, for its folder alone if the file does not exist yet. */
    public static Path canonical(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            Path abs = p.toAbsolutePath().normalize();
            try {
                // the file may not exist yet, but its folder may be reached through a link
                return abs.getParent().toRealPath().resolve(abs.getFileName());
            } catch (IOException | NullPointerException ignored) {
                return abs;
            }
        }
    }
}
