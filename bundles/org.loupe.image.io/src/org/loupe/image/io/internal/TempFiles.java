package org.loupe.image.io.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files behind atomic writes: named {@code .loupe-PID-RANDOM.part}, so that a later run can tell a
 * leftover of a dead process from a file another live process is still writing; removed by a shutdown hook when the
 * process is interrupted (Ctrl-C and SIGTERM run shutdown hooks; SIGKILL does not, hence the sweep).
 */
public final class TempFiles {

    private static final Pattern NAME = Pattern.compile("\\.loupe-(\\d+)-[0-9a-f]+\\.part");
    private static final long PID = ProcessHandle.current().pid();
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::deleteLive, "loupe-temp-cleanup"));
    }

    private TempFiles() {
    }

    /** The name of a temporary file of this process; at most 45 characters. */
    public static String name(String random) {
        return ".loupe-" + PID + "-" + random + ".part";
    }

    /** Registers a temporary file for removal should the process be interrupted before it is renamed. */
    public static void remember(Path tmp) {
        LIVE.add(tmp);
    }

    /** The temporary file is gone (renamed or deleted). */
    public static void forget(Path tmp) {
        LIVE.remove(tmp);
    }

    /** Deletes the temporary files in {@code dir} whose writing process no longer runs; failures are ignored. */
    public static void sweepStale(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".loupe-*.part")) {
            for (Path f : files) {
                Optional<Long> pid = owner(f);
                if (pid.isPresent() && pid.get() != PID && ProcessHandle.of(pid.get()).isEmpty()) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a leftover we cannot remove now is removed by a later run; it never hides or replaces data
        }
    }

    /** The process that made a temporary file, if the name is one of ours. */
    static Optional<Long> owner(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        try {
            return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void deleteLive() {
        for (Path p : LIVE) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // the next write into this folder sweeps it
            }
        }
    }
}
