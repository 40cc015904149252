package org.loupe.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** Starts the driver's Spark session with what executors need to run Loupe. */
final class Sessions {

    private Sessions() {
    }

    /**
     * A session on {@code master}.
     *
     * @param master the master's URL, or null for the one spark-submit set ({@code spark.master}), else local[*]
     * @param conf   {@code KEY=VALUE} settings given by the user, applied last
     */
    static SparkSession start(String app, String master, List<String> conf) {
        SparkSession.Builder b = SparkSession.builder().appName(app);
        if (master != null || System.getProperty("spark.master") == null) {
            b.master(master != null ? master : "local[*]");
        }
        // defaults only: what spark-submit or --conf sets wins
        fallback(b, "spark.ui.showConsoleProgress", "false");
        // the numerics' vector paths use the JDK's incubating Vector API, as in ./loupe
        fallback(b, "spark.executor.extraJavaOptions", "--add-modules=jdk.incubator.vector");
        fallback(b, "spark.executor.memory", "2g");
        // TensorFlow's native library logs device and CPU-feature notices at start; keep warnings and errors
        fallback(b, "spark.executorEnv.TF_CPP_MIN_LOG_LEVEL", "2");
        Path jar = ownJar();
        if (jar != null) {
            fallback(b, "spark.jars", jar.toUri().toString());
        }
        for (String kv : conf) {
            int eq = kv.indexOf('=');
            if (eq < 1) {
                throw new SubmitFailure(2, "--conf needs KEY=VALUE, got '" + kv + "'");
            }
            b.config(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return b.getOrCreate();
    }

    private static void fallback(SparkSession.Builder b, String key, String value) {
        if (System.getProperty(key) == null) {
            b.config(key, value);
        }
    }

    /** The jar this class came from (shipped to executors), or null when run from a build's class folder. */
    static Path ownJar() {
        try {
            Path p = Path.of(Sessions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) ? p : null;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
