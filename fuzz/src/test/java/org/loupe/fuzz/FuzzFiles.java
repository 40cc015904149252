package org.loupe.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One scratch folder per fuzzing JVM for the parsers that read paths, not streams. Each input overwrites the files of
 * the previous one, so millions of executions leave a handful of files.
 */
final class FuzzFiles {

    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("loupe-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FuzzFiles() {
    }

    /** Writes {@code bytes} to {@code name} (a relative path) inside the scratch folder. */
    static Path write(String name, byte[] bytes) throws IOException {
        Path p = DIR.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    /** A folder inside the scratch folder, created if missing. */
    static Path folder(String name) throws IOException {
        return Files.createDirectories(DIR.resolve(name));
    }
}
