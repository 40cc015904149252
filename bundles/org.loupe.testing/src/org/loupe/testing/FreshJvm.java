package org.loupe.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;

/**
 * Runs a main class of a test bundle in a new JVM whose class path holds every installed bundle: for behaviour that
 * needs a process of its own (a fresh native library, a signal, a crash).
 */
public final class FreshJvm {

    /** What the process printed and how it ended. */
    public record Outcome(int exitCode, String output) {
    }

    private FreshJvm() {
    }

    /** Runs {@code main} to its end (at most two minutes) and returns what it printed, standard error included. */
    public static Outcome run(Class<?> main, String... args) throws Exception {
        Process p = start(main, args);
        byte[] log = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new Outcome(p.exitValue(), new String(log, StandardCharsets.UTF_8));
    }

    /** Starts {@code main}; standard error is merged into the process's output stream. */
    public static Process start(Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classPath()));
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (cache != null) {
            cmd.add("-Dorg.bytedeco.javacpp.cachedir=" + cache);
        }
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /**
     * Every installed bundle as a plain class path entry (a folder bundle's compiled classes under target/, a reactor
     * jar's compiled classes beside it).
     * Equinox records locations relative to its install area, e.g. "initial@reference:file:../../x.jar".
     */
    private static String classPath() {
        Path installArea = Path.of(URI.create(System.getProperty("osgi.install.area")));
        Set<String> entries = new LinkedHashSet<>();
        for (Bundle b : OsgiServices.context().getBundles()) {
            String loc = b.getLocation();
            int file = loc.indexOf("file:");
            if (b.getBundleId() == 0 || file < 0) {
                continue;
            }
            File f = installArea.resolve(loc.substring(file + "file:".length())).normalize().toFile();
            File classes = new File(f, "target/classes");
            // a reactor's jar is signed, and a plain JVM refuses a package whose classes come from a signed jar and
            // an unsigned folder (a test fragment's): take the jar's compiled classes beside it instead
            File built = new File(f.getParentFile(), "classes");
            entries.add((classes.isDirectory() ? classes : f.isFile() && built.isDirectory() ? built : f)
                    .getAbsolutePath());
        }
        return String.join(File.pathSeparator, entries);
    }
}
