package org.loupe.cli.internal;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * What a long {@code loupe run} holds as it goes, for soak benchmarks ({@code loupe bench soak}): when the environment
 * variable {@value #VARIABLE} names a file, one JSON line is appended every {@value #EVERY} finished items with the
 * process's resident memory, open file descriptors, threads, Java heap in use, and the native memory and objects
 * that TensorFlow's tensors hold (JavaCPP's count of live pointers). Read from {@code /proc/self}, so Linux only.
 */
final class ResourceLog {

    static final String VARIABLE = "LOUPE_RESOURCE_LOG";
    static final int EVERY = 100;

    private final Path file;
    private final long start = System.nanoTime();

    private ResourceLog(Path file) {
        this.file = file;
    }

    /** The log the environment asks for, or null. */
    static ResourceLog fromEnvironment() {
        String f = System.getenv(VARIABLE);
        return f == null || f.isBlank() ? null : new ResourceLog(Path.of(f));
    }

    /** Called as items finish; samples when {@code done} is a multiple of {@value #EVERY}. */
    synchronized void finished(int done) {
        if (done % EVERY != 0) {
            return;
        }
        JsonObject o = new JsonObject();
        o.addProperty("items", done);
        o.addProperty("seconds", (System.nanoTime() - start) / 1e9);
        o.addProperty("rssKb", status("VmRSS:"));
        o.addProperty("threads", status("Threads:"));
        o.addProperty("fds", descriptors());
        Runtime rt = Runtime.getRuntime();
        o.addProperty("heapUsedKb", (rt.totalMemory() - rt.freeMemory()) / 1024);
        try {
            o.addProperty("nativeBytes", org.bytedeco.javacpp.Pointer.totalBytes());
            o.addProperty("nativePointers", org.bytedeco.javacpp.Pointer.totalCount());
        } catch (NoClassDefFoundError e) {
            // no TensorFlow installed: nothing native to count
        }
        try {
            Files.writeString(file, o + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // a benchmark's log must not fail the run it observes
        }
    }

    private static long status(String key) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith(key)).findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]",
                    ""))).orElse(-1L);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static long descriptors() {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count() - 1; // the listing's own descriptor
        } catch (IOException e) {
            return -1;
        }
    }
}
