package org.loupe.plugins.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.loupe.image.io.AtomicFiles;

/**
 * What an installation looked like before a change: the names in {@code plugins/} and {@code features/} and the
 * bytes of the files that say what starts. p2 rolls its profile back when a change fails, but files it already
 * fetched stay in {@code plugins/}; {@link #restore} removes them and puts the start files back, so that a refused
 * install leaves the folder exactly as it was.
 */
public final class FolderSnapshot {

    private static final List<String> FOLDERS = List.of("plugins", "features");
    private static final List<String> FILES = List.of(
            "configuration/org.eclipse.equinox.simpleconfigurator/bundles.info", "configuration/config.ini");

    private final Path root;
    private final Map<String, Set<String>> names = new HashMap<>();
    private final Map<String, byte[]> files = new HashMap<>();

    private FolderSnapshot(Path root) {
        this.root = root;
    }

    /** Records the installation at {@code root}. */
    public static FolderSnapshot take(Path root) throws IOException {
        FolderSnapshot s = new FolderSnapshot(root);
        for (String folder : FOLDERS) {
            s.names.put(folder, list(root.resolve(folder)));
        }
        for (String file : FILES) {
            Path p = root.resolve(file);
            if (Files.exists(p)) {
                s.files.put(file, Files.readAllBytes(p));
            }
        }
        return s;
    }

    /** Removes what appeared since the snapshot and writes back the start files if they changed. */
    public void restore() throws IOException {
        for (String folder : FOLDERS) {
            Set<String> now = list(root.resolve(folder));
            now.removeAll(names.get(folder));
            for (String added : now) {
                Trees.delete(root.resolve(folder).resolve(added));
            }
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path p = root.resolve(f.getKey());
            if (!Files.exists(p) || !Arrays.equals(Files.readAllBytes(p), f.getValue())) {
                AtomicFiles.write(p, out -> out.write(f.getValue()));
            }
        }
    }

    /** The lines of this snapshot's bundles.info that {@code other}'s lacks (comments left out). */
    public List<String> bundlesNotIn(FolderSnapshot other) {
        List<String> mine = lines(files.get(FILES.get(0)));
        mine.removeAll(lines(other.files.get(FILES.get(0))));
        return mine;
    }

    private static List<String> lines(byte[] bytes) {
        if (bytes == null) {
            return new ArrayList<>();
        }
        return new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")
                && !l.isBlank()).collect(Collectors.toCollection(ArrayList::new));
    }

    private static Set<String> list(Path folder) throws IOException {
        Set<String> out = new TreeSet<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> s = Files.list(folder)) {
                s.forEach(p -> out.add(p.getFileName().toString()));
            }
        }
        return out;
    }
}
