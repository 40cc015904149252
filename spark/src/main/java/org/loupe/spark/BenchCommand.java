package org.loupe.spark;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * {@code loupe bench spark}: the same pipeline over the same generated wafer images by {@code loupe run} in one
 * process and by a standalone Spark cluster started on this machine's loopback; then once more on the cluster with a
 * worker and its executor killed mid-job, checking that every output ends complete, once, and identical. Reports
 * images per second against the local run, the executors' start-up cost, and what 10 and 100 executors would give.
 */
final class BenchCommand {

    static final String HELP = """
            usage: loupe bench spark [options]
            Runs an AOI pipeline (median, then detect.classic) over generated wafer images with 'loupe run' and
            on a standalone Spark master with workers started here (loopback), then again killing one worker
            mid-job. Prints the figures and writes them to DIR/bench-spark.json.
              --images N    wafer images (default 2000)
              --size PX     image side (default 256)
              --workers N   workers of one core each (default 2)
              --dir DIR     working folder (default bench-spark); the images are kept for the next run""";

    private static final String PIPELINE = """
            {"name": "AOI wafers: median, then the classical detector",
             "input": {"match": "{name}.png"},
             "steps": [{"enhance": "enhance.median", "params": {"size": "3"}}, {"detect": "detect.classic"}],
             "output": {"format": "png"}}
            """;

    private final PrintStream out;
    private final PrintStream err;

    BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> argv) {
        if (argv.contains("--help") || argv.contains("-h")) {
            out.println(HELP);
            return 0;
        }
        Args args = new Args(argv, Set.of("--images", "--size", "--workers", "--dir"), Set.of());
        int images = args.integer("--images", 2000);
        int workers = args.integer("--workers", 2);
        if (images < 10 || workers < 2) {
            throw new SubmitFailure(2, "the bench needs at least 10 images and 2 workers (one is killed)");
        }
        try {
            return bench(Path.of(args.get("--dir", "bench-spark")).toAbsolutePath(), images,
                    args.integer("--size", 256), workers);
        } catch (IOException e) {
            throw new SubmitFailure(3, "bench: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SubmitFailure(130, "bench: interrupted");
        }
    }

    private int bench(Path dir, int n, int size, int workers) throws IOException, InterruptedException {
        Path product = SubmitCommand.product(System.getProperty("loupe.product"));
        String home = System.getenv("SPARK_HOME");
        if (home == null) {
            throw new SubmitFailure(2, "SPARK_HOME is not set (./loupe bench spark sets it)");
        }
        Path images = generate(dir.resolve("wafers-" + n + "-" + size), n, size);
        Path pipeline = Files.writeString(dir.resolve("aoi.json"), PIPELINE);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("images", n);
        report.put("size", size);
        report.put("workers", workers);
        report.put("processors", Runtime.getRuntime().availableProcessors());

        err.println("bench: loupe run in one process...");
        double local = loupeRun(pipeline, images, fresh(dir.resolve("local")));
        report.put("localSeconds", local);
        report.put("localImagesPerSecond", n / local);

        err.printf("bench: starting a master and %d workers on 127.0.0.1...%n", workers);
        try (LocalCluster cluster = LocalCluster.start(Path.of(home), workers, "3g", dir.resolve("cluster"))) {
            long t0 = System.nanoTime();
            SparkSession spark = Sessions.start("loupe bench", cluster.url(), List.of("spark.driver.host=127.0.0.1",
                    "spark.driver.bindAddress=127.0.0.1", "spark.executor.memory=2g"));
            try {
                awaitExecutors(spark, workers);
                report.put("executorsReadySeconds", (System.nanoTime() - t0) / 1e9);
                err.println("bench: the pipeline on the cluster, first job (Loupe starts in each JVM)...");
                SparkRun.Outcome cold = SparkRun.run(spark, options(pipeline, images, fresh(dir.resolve(
                        "spark-first")), product), err);
                require(cold.exitCode() == 0, "the cluster run failed: " + cold.totals());
                report.put("firstJobSeconds", cold.seconds());
                report.put("firstJobImagesPerSecond", n / cold.seconds());
                report.put("loupeStartMillisPerExecutor", cold.executorStarts());
                err.println("bench: again, on executors that have Loupe running...");
                SparkRun.Options a = options(pipeline, images, fresh(dir.resolve("spark")), product);
                SparkRun.Outcome ra = SparkRun.run(spark, a, err);
                require(ra.exitCode() == 0, "the cluster run failed: " + ra.totals());
                report.put("sparkSeconds", ra.seconds());
                report.put("sparkPlanSeconds", ra.planSeconds());
                report.put("sparkJobSeconds", ra.jobSeconds());
                report.put("sparkImagesPerSecond", n / ra.seconds());
                report.put("meanItemMillis", meanMillis(a.out()));

                SparkRun.Options b = options(pipeline, images, fresh(dir.resolve("spark-killed")),
                        product);
                err.println("bench: again, killing worker 1 and its executor with SIGKILL mid-job...");
                report.putAll(killedRun(spark, cluster, b, n, a.out()));
            } finally {
                spark.stop();
            }
        }
        project(report, n, workers);
        Path json = dir.resolve("bench-spark.json");
        Files.writeString(json, new GsonBuilder().setPrettyPrinting().create().toJson(report) + "\n");
        print(report, json);
        return Boolean.TRUE.equals(report.get("killedRunComplete")) ? 0 : 1;
    }

    private Map<String, Object> killedRun(SparkSession spark, LocalCluster cluster, SparkRun.Options o, int n,
            Path reference) throws IOException, InterruptedException {
        AtomicInteger failedAttempts = new AtomicInteger();
        SparkListener failures = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (!end.taskInfo().successful()) {
                    failedAttempts.incrementAndGet();
                }
            }
        };
        spark.sparkContext().addSparkListener(failures);
        CompletableFuture<SparkRun.Outcome> run = CompletableFuture.supplyAsync(() -> {
            try {
                return SparkRun.run(spark, o, err);
            } catch (IOException e) {
                throw new SubmitFailure(3, e.getMessage());
            }
        });
        while (!run.isDone() && count(o.out(), ".txt") < n * 2 / 5) {
            Thread.sleep(100);
        }
        int atKill = count(o.out(), ".txt");
        cluster.kill(0);
        err.printf("bench: killed worker 1 with %d of %d inputs done%n", atKill, n);
        SparkRun.Outcome r = run.join();
        spark.sparkContext().removeSparkListener(failures);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("killedAtOutputs", atKill);
        m.put("killedRunSeconds", r.seconds());
        m.put("killedRunExit", r.exitCode());
        m.put("failedTaskAttemptsRerun", failedAttempts.get());
        List<String> records = Files.readAllLines(o.out().resolve("results.jsonl"));
        long distinct = records.stream().map(l -> JsonParser.parseString(l).getAsJsonObject().get("input")
                .getAsString()).distinct().count();
        List<String> partial = names(o.out()).stream().filter(f -> f.endsWith(".part") || f.contains(".partial-"))
                .toList();
        int differing = 0;
        int missing = 0;
        for (String f : names(reference)) {
            if (f.endsWith(".png") || f.endsWith(".txt")) {
                Path other = o.out().resolve(f);
                if (!Files.exists(other)) {
                    missing++;
                } else if (!Arrays.equals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(other))) {
                    differing++;
                }
            }
        }
        m.put("records", records.size());
        m.put("distinctInputsRecorded", distinct);
        m.put("partialFilesLeft", partial.size());
        m.put("outputsMissing", missing);
        m.put("outputsDifferingFromCleanRun", differing);
        m.put("killedRunComplete", r.exitCode() == 0 && records.size() == n && distinct == n && partial.isEmpty()
                && missing == 0 && differing == 0);
        return m;
    }

    /**
     * The paper projection T(e, m) = S + P * m / n + m * c / (e * eta): the executors' start-up S (registering, then
     * starting Loupe) is paid once; the driver's serial part P (planning, then records, summary and table) grows with
     * the images (an upper bound: part of it is fixed); the computing, c per image as the executors measured it,
     * divides over e executors at the parallel efficiency eta the second job reached (its ideal time over its real
     * time). P, c and eta come from the second job, whose executors had Loupe running already.
     */
    private static void project(Map<String, Object> r, int n, int workers) {
        double c = (double) r.get("meanItemMillis") / 1000;
        double loupeStart = maxMillis(r.get("loupeStartMillisPerExecutor")) / 1000;
        double start = (double) r.get("executorsReadySeconds") + loupeStart;
        double serial = (double) r.get("sparkSeconds") - (double) r.get("sparkJobSeconds");
        double eta = Math.min(1, c * n / workers / (double) r.get("sparkJobSeconds"));
        r.put("modelStartSeconds", start);
        r.put("modelSerialSecondsPerImage", serial / n);
        r.put("modelParallelEfficiency", eta);
        Map<String, Object> p = new LinkedHashMap<>();
        for (int e : new int[] {10, 100}) {
            for (int m : new int[] {n, 100_000}) {
                double t = start + serial * m / n + c * m / (e * eta);
                p.put(e + " executors, " + m + " images", Map.of("seconds", t, "imagesPerSecond", m / t));
            }
        }
        r.put("projection", p);
    }

    private void print(Map<String, Object> r, Path json) {
        out.printf(Locale.ROOT, "%d images of %dx%d, %s%n", r.get("images"), r.get("size"), r.get("size"),
                "median then detect.classic");
        out.printf(Locale.ROOT, "loupe run, one process:                  %7.1f s  %7.1f images/s%n",
                r.get("localSeconds"), r.get("localImagesPerSecond"));
        out.printf(Locale.ROOT, "spark, %d workers of 1 core, first job:  %7.1f s  %7.1f images/s  (%.2fx loupe run)%n",
                r.get("workers"), r.get("firstJobSeconds"), r.get("firstJobImagesPerSecond"),
                (double) r.get("firstJobImagesPerSecond") / (double) r.get("localImagesPerSecond"));
        out.printf(Locale.ROOT, "spark, %d workers of 1 core, next job:   %7.1f s  %7.1f images/s  (%.2fx loupe run)%n",
                r.get("workers"), r.get("sparkSeconds"), r.get("sparkImagesPerSecond"),
                (double) r.get("sparkImagesPerSecond") / (double) r.get("localImagesPerSecond"));
        out.printf(Locale.ROOT, "executors ready after %.1f s; Loupe started in them in %s ms; %.1f ms per image "
                + "in an executor%n", r.get("executorsReadySeconds"), r.get("loupeStartMillisPerExecutor"),
                r.get("meanItemMillis"));
        out.printf(Locale.ROOT, "worker killed at %s outputs: %d failed attempts rerun, %s records for %s inputs, "
                + "%s partial files, %s missing, %s differing: %s%n", r.get("killedAtOutputs"),
                r.get("failedTaskAttemptsRerun"), r.get("records"), r.get("distinctInputsRecorded"),
                r.get("partialFilesLeft"), r.get("outputsMissing"), r.get("outputsDifferingFromCleanRun"),
                Boolean.TRUE.equals(r.get("killedRunComplete")) ? "complete" : "INCOMPLETE");
        out.printf(Locale.ROOT, "projection: start-up %.1f s, driver %.2f ms per image, computing %.1f ms per image "
                + "at %.0f %% parallel efficiency:%n", r.get("modelStartSeconds"),
                1000 * (double) r.get("modelSerialSecondsPerImage"), r.get("meanItemMillis"),
                100 * (double) r.get("modelParallelEfficiency"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Double>> p = (Map<String, Map<String, Double>>) r.get("projection");
        p.forEach((k, v) -> out.printf(Locale.ROOT, "  %-28s %8.1f s  %8.1f images/s%n", k, v.get("seconds"),
                v.get("imagesPerSecond")));
        out.println("figures in " + json);
    }

    private Path generate(Path dir, int n, int size) throws IOException, InterruptedException {
        Path images = dir.resolve("images");
        if (Files.isDirectory(images) && count(images, ".png") == n) {
            return images;
        }
        err.printf("bench: generating %d wafer images...%n", n);
        fresh(dir);
        loupe("data", "wafers", "--out", dir.toString(), "--count", Integer.toString(n), "--size",
                Integer.toString(size), "--seed", "23");
        return images;
    }

    private double loupeRun(Path pipeline, Path images, Path outDir) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        loupe("run", pipeline.toString(), "--input", images.toString(), "--out", outDir.toString());
        return (System.nanoTime() - t0) / 1e9;
    }

    private void loupe(String... args) throws IOException, InterruptedException {
        String launcher = System.getProperty("loupe.launcher");
        if (launcher == null) {
            throw new SubmitFailure(2, "no launcher (./loupe bench spark sets loupe.launcher)");
        }
        Process p = new ProcessBuilder(Stream.concat(Stream.of(launcher), Stream.of(args)).toList()).inheritIO()
                .start();
        if (!p.waitFor(2, TimeUnit.HOURS) || p.exitValue() != 0) {
            throw new SubmitFailure(4, "bench: loupe " + String.join(" ", args) + " failed");
        }
    }

    private static SparkRun.Options options(Path pipeline, Path images, Path out, Path product) {
        return new SparkRun.Options(pipeline, List.of(images.toString()), out, false, true, 100_000_000L, 0,
                product, product.toString(), 0);
    }

    private static void awaitExecutors(SparkSession spark, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        // the driver counts itself among the executors
        while (spark.sparkContext().statusTracker().getExecutorInfos().length < count + 1) {
            require(System.nanoTime() < deadline, "the workers' executors did not register within 3 minutes");
            Thread.sleep(100);
        }
    }

    private static double meanMillis(Path out) throws IOException {
        return Files.readAllLines(out.resolve("results.jsonl")).stream().mapToLong(l -> JsonParser.parseString(l)
                .getAsJsonObject().get("millis").getAsLong()).average().orElse(Double.NaN);
    }

    @SuppressWarnings("unchecked")
    private static double maxMillis(Object perExecutor) {
        return ((Map<String, Long>) perExecutor).values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static int count(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        return (int) names(dir).stream().filter(f -> f.endsWith(suffix)).count();
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).toList();
        }
    }

    /** The folder, removed with everything in it if an earlier bench left it (the bench's own folders only). */
    private static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        return dir;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new SubmitFailure(4, "bench: " + message);
        }
    }
}
