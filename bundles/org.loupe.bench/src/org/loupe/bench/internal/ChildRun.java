package org.loupe.bench.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A benchmarked process: its wall time from start to exit, and the largest peak resident set (VmHWM) among it and
 * its descendants (./loupe is a script whose Java child does the work), read from {@code /proc} while it runs.
 *
 * @param seconds wall time
 * @param peakKb  largest VmHWM seen, in KiB; 0 where {@code /proc} cannot tell
 */
public record ChildRun(double seconds, long peakKb) {

    private static final long POLL_MS = 50;

    /** Runs the command to its end, discarding its output; fails if it exits with an error. */
    public static ChildRun of(List<String> command) throws IOException, InterruptedException {
        return of(command, Map.of());
    }

    /** The same, with extra environment variables. */
    public static ChildRun of(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(
                ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        Process p = pb.start();
        long peak = 0;
        while (p.isAlive()) {
            peak = Math.max(peak, peakOf(p.toHandle()));
            Thread.sleep(POLL_MS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue());
        }
        return new ChildRun(seconds, peak);
    }

    private static long peakOf(ProcessHandle root) {
        long peak = hwm(root.pid());
        for (ProcessHandle h : root.descendants().toList()) {
            peak = Math.max(peak, hwm(h.pid()));
        }
        return peak;
    }

    private static long hwm(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended between the listing and the read: its last reading stands
        }
        return 0;
    }
}
