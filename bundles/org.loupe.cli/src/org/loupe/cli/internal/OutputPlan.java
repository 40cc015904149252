package org.loupe.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.loupe.api.LoupeException;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ImageFormat;

/**
 * Decides where each output goes before any work starts, so that no input is ever overwritten and no two outputs
 * collide. An output keeps its input's file name in the output folder; if that would be the input itself (the output
 * folder is the input's folder), the provider id is added before the extension.
 */
final class OutputPlan {

    private final Map<Path, Path> targets;
    private final List<Path> inputPaths;
    private final String providerId;

    private OutputPlan(Map<Path, Path> targets, List<Path> inputPaths, String providerId) {
        this.targets = targets;
        this.inputPaths = inputPaths;
        this.providerId = providerId;
    }

    /** Input files in order; folders given on the command line are expanded to the image files inside them. */
    static List<Path> expand(List<Path> inputs) throws LoupeException {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (!Files.isDirectory(p)) {
                files.add(p);
                continue;
            }
            files.addAll(ImageFiles.list(p));
        }
        return files;
    }

    /**
     * Plans the targets.
     *
     * @param format     output format, or empty to keep each input's format
     * @param providerId added to a name that would otherwise overwrite its input
     * @throws LoupeException USAGE if two inputs would be written to the same file
     */
    static OutputPlan of(List<Path> inputs, Path outDir, Optional<ImageFormat> format, String providerId)
            throws LoupeException {
        // keep the input's own extension when it names a format Loupe writes; otherwise write PNG
        return plan(inputs, outDir, name -> format.map(ImageFormat::extension).orElse(ImageFormat.fromFileName(name)
                .isPresent() ? name.substring(name.lastIndexOf('.') + 1) : ImageFormat.PNG.extension()), providerId);
    }

    /** Plans one output per input with the given extension, e.g. a text file of results per image. */
    static OutputPlan withExtension(List<Path> inputs, Path outDir, String extension, String providerId)
            throws LoupeException {
        return plan(inputs, outDir, name -> extension, providerId);
    }

    private static OutputPlan plan(List<Path> inputs, Path outDir, Function<String, String> extensionOf,
            String providerId) throws LoupeException {
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
            targets.put(in, target);
        }
        return new OutputPlan(targets, inputPaths, providerId);
    }

    /** Where the output for {@code input} goes. */
    Path target(Path input) {
        return targets.get(input);
    }

    /** Where the output for {@code input} goes if it has to be written in another format than planned. */
    Path target(Path input, ImageFormat format) {
        Path planned = targets.get(input);
        String name = planned.getFileName().toString();
        String stem = name.substring(0, name.lastIndexOf('.'));
        return safe(planned.toAbsolutePath().getParent(), stem, format.extension(), inputPaths, providerId);
    }

    private static Path safe(Path dir, String stem, String ext, List<Path> inputPaths, String providerId) {
        Path target = dir.resolve(stem + "." + ext);
        return inputPaths.contains(canonical(target)) ? dir.resolve(stem + "." + providerId + "." + ext) : target;
    }

    private static Path canonical(Path p) {
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
