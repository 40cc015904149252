package org.loupe.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.loupe.api.LoupeException;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ImageFormat;

/**
 * Turns what a user names as input into the items of a batch: a folder (its image files that fit the pipeline's
 * input match), a glob ({@code boards/*_test.jpg}) or a list file ({@code .txt}, one path per line, relative to the
 * list's folder). Every item's {@code {name}} must be unique, since it names the item's outputs.
 */
public final class Inputs {

    private Inputs() {
    }

    /**
     * The items, in the order given, folders and globs sorted by name.
     *
     * @throws LoupeException INPUT for a missing folder or list, USAGE if two items share a name or nothing matches
     */
    public static List<Item> expand(List<String> specs, NameRule match) throws LoupeException {
        return expand(specs, match, false);
    }

    /**
     * The items of a pipeline of images or of volumes. A volume is a NIfTI file or a DICOM series folder; a folder
     * given as input is a series if it holds only files, else its NIfTI files and series subfolders are the inputs.
     * A volume match may name a file inside each subfolder: {@code {name}/ct} takes {@code case-001/ct} as the volume
     * named {@code case-001} (the layout of {@code loupe data ct-liver}), and the steps' rules resolve against
     * {@code case-001/}.
     *
     * @throws LoupeException as {@link #expand(List, NameRule)}
     */
    public static List<Item> expand(List<String> specs, NameRule match, boolean volumes) throws LoupeException {
        List<Item> items = new ArrayList<>();
        for (String spec : specs) {
            if (volumes) {
                items.addAll(volumes(spec, match));
                continue;
            }
            for (Path file : files(spec)) {
                Optional<String> name = match.match(file);
                if (name.isPresent()) {
                    items.add(new Item(file, name.get()));
                } else if (!Files.isDirectory(Path.of(spec)) && !isGlob(spec)) {
                    throw LoupeException.usage(file + ": does not fit the pipeline's input match '" + match.text()
                            + "'");
                }
            }
        }
        if (items.isEmpty()) {
            throw LoupeException.usage("no input fits the pipeline's input match '" + match.text() + "' in "
                    + String.join(", ", specs));
        }
        Map<String, Path> byName = new HashMap<>();
        for (Item item : items) {
            Path other = byName.putIfAbsent(item.name(), item.file());
            if (other != null) {
                throw LoupeException.usage("inputs " + other + " and " + item.file() + " have the same name '"
                        + item.name() + "', which names their outputs; run them into different --out folders");
            }
        }
        return items;
    }

    /**
     * The case folders of a data set: its subfolders that hold {@code marker} (a truth file, {@code case.json}),
     * sorted.
     *
     * @throws LoupeException INPUT for a folder without such subfolders or one that cannot be listed
     */
    public static List<Path> caseFolders(Path dataset, String marker) throws LoupeException {
        List<Path> dirs = entries(dataset).stream().filter(d -> Files.isRegularFile(d.resolve(marker))).toList();
        if (dirs.isEmpty()) {
            throw LoupeException.badInput(dataset.toString(), "holds no case folder with " + marker
                    + " (e.g. one made by loupe data ct-liver)");
        }
        return dirs;
    }

    private static List<Item> volumes(String spec, NameRule match) throws LoupeException {
        Path p = Path.of(spec);
        int slash = match.text().indexOf('/');
        List<Item> out = new ArrayList<>();
        if (slash > 0 && Files.isDirectory(p)) {
            NameRule head = new NameRule(match.text().substring(0, slash));
            String tail = match.text().substring(slash + 1);
            for (Path sub : entries(p)) {
                Optional<String> name = Files.isDirectory(sub) ? head.match(sub) : Optional.empty();
                if (name.isPresent() && Files.exists(sub.resolve(tail))) {
                    out.add(new Item(sub.resolve(tail), name.get()));
                }
            }
            return out;
        }
        if (!Files.exists(p)) {
            throw LoupeException.badInput(spec, "no such file or folder");
        }
        List<Path> candidates = isSeries(p) || !Files.isDirectory(p) ? List.of(p) : entries(p).stream()
                .filter(f -> Files.isDirectory(f) || f.getFileName().toString().matches(".*\\.nii(\\.gz)?")).toList();
        for (Path f : candidates) {
            String stem = ImageFormat.stem(f.getFileName().toString());
            Optional<String> name = match == NameRule.ANY_IMAGE ? Optional.of(stem) : match.match(f);
            name.ifPresent(n -> out.add(new Item(f, n)));
        }
        return out;
    }

    /** Whether a folder is a DICOM series rather than a folder of volumes: it holds files only. */
    private static boolean isSeries(Path p) throws LoupeException {
        return Files.isDirectory(p) && entries(p).stream().noneMatch(Files::isDirectory);
    }

    private static List<Path> entries(Path dir) throws LoupeException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw LoupeException.badInput(dir.toString(), "cannot be listed (" + e.getMessage() + ")", e);
        }
    }

    private static List<Path> files(String spec) throws LoupeException {
        if (isGlob(spec)) {
            return glob(spec);
        }
        Path p = Path.of(spec);
        if (Files.isDirectory(p)) {
            return ImageFiles.list(p);
        }
        if (spec.endsWith(".txt")) {
            return list(p);
        }
        return List.of(p);
    }

    private static boolean isGlob(String spec) {
        return spec.contains("*") || spec.contains("?") || spec.contains("[");
    }

    private static List<Path> glob(String spec) throws LoupeException {
        Path pattern = Path.of(spec);
        Path dir = pattern.getParent() == null ? Path.of(".") : pattern.getParent();
        if (isGlob(dir.toString())) {
            throw LoupeException.usage(spec + ": a glob may have wildcards in its file name only");
        }
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern.getFileName());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> Files.isRegularFile(f) && m.matches(f.getFileName())).sorted().toList();
        } catch (IOException e) {
            throw LoupeException.badInput(dir.toString(), "cannot be listed (" + e.getMessage() + ")", e);
        }
    }

    private static List<Path> list(Path listFile) throws LoupeException {
        try {
            Path base = listFile.toAbsolutePath().getParent();
            return Files.readAllLines(listFile, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(base::resolve).toList();
        } catch (IOException e) {
            throw LoupeException.badInput(listFile.toString(), Files.exists(listFile) ? "cannot be read ("
                    + e.getMessage() + ")" : "no such file", e);
        }
    }
}
