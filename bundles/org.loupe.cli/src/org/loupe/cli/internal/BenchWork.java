package org.loupe.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import org.loupe.api.LoupeException;
import org.loupe.image.io.AtomicFiles;

/**
 * What the benchmarks that start {@code ./loupe} in processes of their own share: the launcher they start, and a
 * scratch folder that is kept only when the user named it ({@code --work}).
 */
final class BenchWork {

    /** Work done in the scratch folder. */
    interface InFolder<R> {
        /** Does the work in {@code dir}. */
        R run(Path dir) throws Exception;
    }

    private BenchWork() {
    }

    /**
     * The {@code ./loupe} that started this process.
     *
     * @throws LoupeException USAGE if Loupe was not started through it
     */
    static String launcher(String command) throws LoupeException {
        String launcher = System.getenv("LOUPE_LAUNCHER");
        if (launcher == null || launcher.isBlank()) {
            throw LoupeException.usage(command + " starts ./loupe in processes of its own; run it through ./loupe");
        }
        return launcher;
    }

    /** Runs {@code work} in {@code work} if given (kept), else in a new temporary folder deleted afterwards. */
    static <R> R in(Path folder, String prefix, InFolder<R> work) throws Exception {
        boolean scratch = folder == null;
        Path dir = scratch ? Files.createTempDirectory(prefix) : Files.createDirectories(folder);
        try {
            return work.run(dir);
        } finally {
            if (scratch) {
                AtomicFiles.deleteScratch(dir);
            }
        }
    }
}
