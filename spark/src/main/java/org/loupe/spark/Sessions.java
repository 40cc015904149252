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
     * @param conf {@code KEY=VALUE} settings given by the user, applied last
     */
    static SparkSession start(String app, String master, List<String> conf) {
        SparkSession.Builder b = SparkSession.builder().appName(app).master(master)
                .config("spark.ui.showConsoleProgress", "false")
                // the numerics' vector paths use the JDK's incubating Vector API, as in ./loupe
                .config("spark.executor.extraJavaOptions", "--add-modules=jdk.incubator.vector")
                .config("spark.executor.memory", "2g")
                // TensorFlow's native library logs device and CPU-feature notices at start; keep warnings and errors
                .config("spark.executorEnv.TF_CPP_MIN_LOG_LEVEL", "2");
        Path jar = ownJar();
        if (jar != null) {
            b.config("spark.jars", jar.toUri().toString());
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
