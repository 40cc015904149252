package org.loupe.spark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A Spark standalone cluster on this machine's loopback, started from the Spark jars the build laid out as a Spark
 * installation: one master and some workers, each its own JVM as on a real cluster, with its log in a folder.
 */
final class LocalCluster implements AutoCloseable {

    private final Process master;
    private final List<Process> workers;
    private final String url;

    private LocalCluster(Process master, List<Process> workers, String url) {
        this.master = master;
        this.workers = workers;
        this.url = url;
    }

    /**
     * Starts a master and {@code count} workers of one core each.
     *
     * @param sparkHome a folder with Spark's jars in {@code jars/}
     * @param logs      where each JVM's output goes
     */
    static LocalCluster start(Path sparkHome, int count, String workerMemory, Path logs) throws IOException {
        Files.createDirectories(logs);
        int port = freePort();
        String url = "spark://127.0.0.1:" + port;
        Process master = java(sparkHome, logs.resolve("master.log"), "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port",
                Integer.toString(freePort()));
        List<Process> workers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path work = Files.createDirectories(logs.resolve("worker-" + (i + 1)));
            workers.add(java(sparkHome, logs.resolve("worker-" + (i + 1) + ".log"),
                    "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1", "--memory",
                    workerMemory, "--webui-port", Integer.toString(freePort()), "--work-dir", work.toString(), url));
        }
        return new LocalCluster(master, workers, url);
    }

    /** The master's URL. */
    String url() {
        return url;
    }

    /**
     * Kills a worker and the executor JVMs it started with SIGKILL, as a machine that loses power would: nothing of
     * theirs runs a shutdown hook.
     */
    void kill(int worker) throws InterruptedException {
        Process w = workers.get(worker);
        List<ProcessHandle> children = w.descendants().toList();
        w.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        w.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle c : children) {
            c.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
    }

    @Override
    public void close() {
        for (Process w : workers) {
            w.descendants().forEach(ProcessHandle::destroy);
            w.destroy();
        }
        master.destroy();
    }

    private static Process java(Path sparkHome, Path log, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        // what Spark's own launcher gives a JVM on Java 17
        cmd.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
        cmd.addAll(List.of("-Xmx512m", "-cp", sparkHome.resolve("jars") + "/*", main));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        // a worker builds its executors' class path from SPARK_HOME/jars; without a Spark release's RELEASE file it
        // also looks for a source build of this Scala version, which it must be told
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
