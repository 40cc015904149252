package org.loupe.product.tests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Runs the {@code ./loupe} script against the materialized product, as a user would, and captures what it prints. */
final class Launcher {

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Path work() {
        return Path.of(System.getProperty("loupe.work"));
    }

    static Path samples() {
        return Path.of(System.getProperty("loupe.samples"));
    }

    /**
     * A super-resolution benchmark folder of the shared reference data ({@code LOUPE_DATA}, else {@code ../shared/data}
     * beside the checkout); the calling test is skipped, saying so, where it is absent.
     */
    static Path srDataset(String set) {
        return sharedDataset("sr/" + set);
    }

    /** A folder of the shared data (LOUPE_DATA or ../shared/data); the calling test is skipped where it is absent. */
    static Path sharedDataset(String relative) {
        String env = System.getenv("LOUPE_DATA");
        Path root = Path.of(env != null && !env.isBlank() ? env : System.getProperty("loupe.data"));
        Path dir = root.resolve(relative);
        Assumptions.assumeTrue(Files.isDirectory(dir), "reference data not found at " + dir + " (set LOUPE_DATA)");
        return dir;
    }

    /** An empty folder under {@link #work()}, emptied first if an earlier run left it. */
    static Path fresh(String name) throws IOException {
        Path dir = work().resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
            }
        }
        return Files.createDirectories(dir);
    }

    /** The launcher with {@code args}, set up as every test runs it, not yet started. */
    static ProcessBuilder builder(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("loupe.launcher"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("LOUPE_PRODUCT", System.getProperty("loupe.product"));
        pb.environment().put("LOUPE_HOME", work().resolve("loupe-home").toString());
        pb.environment().putAll(env);
        return pb;
    }

    static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(builder(env, args), args);
    }

    /** The {@code loupe} script of an unpacked release, run as its users run it: no LOUPE_PRODUCT, no checkout. */
    static Run runInstalled(Path product, Map<String, String> env, String... args) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(product.resolve("loupe").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("LOUPE_PRODUCT");
        pb.environment().put("LOUPE_HOME", work().resolve("loupe-home").toString());
        pb.environment().putAll(env);
        return run(pb, args);
    }

    private static Run run(ProcessBuilder pb, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work(), "stdout", ".txt");
        Path err = Files.createTempFile(work(), "stderr", ".txt");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("loupe " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    static Run run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    private Launcher() {
    }
}
