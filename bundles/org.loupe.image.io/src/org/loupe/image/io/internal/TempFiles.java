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
 * The temporary files behind atomic writes: named {@code .loupe-PID@HOST-RANDOM.part}, so that a later run can tell a
 * leftover of a dead process from a file another live process is still writing; removed by a shutdown hook when the
 * process is interrupted (Ctrl-C and SIGTERM run shutdown hooks; SIGKILL does not, hence the sweep). HOST tags the
 * machine: in a folder shared by several machines (Spark executors writing one output folder) a process id means
 * nothing on another machine, so only this machine's leftovers are swept here.
 */
public final class TempFiles {

    /** The writer's pid, its machine's tag (absent in names of Loupe 1.0's first releases), a random part. */
    private static final Pattern NAME = Pattern.compile("\\.loupe-(\\d+)(?:@([0-9a-f]{8}))?-[0-9a-f]+\\.part");
    private static final long PID = ProcessHandle.current().pid();
    private static final String HOST = hostTag();
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::deleteLive, "loupe-temp-cleanup"));
    }

    private TempFiles() {
    }

    /** The name of a temporary file of this process; at most 54 characters. */
    public static String name(String random) {
        return ".loupe-" + PID + "@" + HOST + "-" + random + ".part";
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
                if (pid.isPresent() && pid.get() != PID && !running(pid.get())) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a leftover we cannot remove now is removed by a later run; it never hides or replaces data
        }
    }

    /** The process of this machine that made a temporary file, if the name is one of ours and of this machine. */
    static Optional<Long> owner(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        try {
            boolean here = m.matches() && (m.group(2) == null || m.group(2).equals(HOST));
            return here ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a process still runs. A killed process whose parent has not collected it yet (a zombie, as a Spark
     * executor is for a moment after its worker dies with it) still has its id but writes nothing more.
     */
    static boolean running(long pid) {
        if (ProcessHandle.of(pid).isEmpty()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return true; // no /proc (not Linux): the process table's word is taken
        }
    }

    /** Eight hex digits naming this machine, the same in every process on it. */
    private static String hostTag() {
        String name;
        try {
            // the kernel's own name for the machine: no name lookup, which can hang where DNS is misconfigured
            name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            name = System.getenv().getOrDefault("COMPUTERNAME", System.getenv().getOrDefault("HOSTNAME", "local"));
        }
        return String.format("%08x", name.hashCode());
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
