package org.loupe.spark;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * One pipeline run on Spark, driven from this JVM: Loupe (embedded here too) plans it exactly as {@code loupe run}
 * would, the tasks are spread over the executors in partitions, each executor computes them with its own Loupe, and
 * the records come back here to be written as a local run writes them, plus the Parquet results table.
 */
final class SparkRun {

    /**
     * What to run.
     *
     * @param pipeline          the pipeline file
     * @param inputs            folders, globs, list files or tables of paths; empty for the pipeline's own
     * @param out               the output folder, which every executor must see (a shared file system on a cluster)
     * @param overwrite         write into a folder holding files other than an earlier run's
     * @param fallback          let a detector that cannot run fall back to detect.classic
     * @param maxPixels         the largest image read
     * @param partitions        how many parts the tasks are split into (0: about ten tasks each, at least one per core)
     * @param product           the product folder on this machine
     * @param executorProduct   the product folder as executors see it (relative: in their working folder)
     * @param timeoutMillis     the longest one item may take (0: no limit), as {@code loupe run --timeout}
     */
    record Options(Path pipeline, List<String> inputs, Path out, boolean overwrite, boolean fallback, long maxPixels,
            int partitions, Path product, String executorProduct, long timeoutMillis) {
    }

    /**
     * How the run went.
     *
     * @param totals         the run's totals as Loupe wrote them (items, computed, skipped, failed, exitCode, ...)
     * @param tasks          how many items were computed on executors
     * @param seconds        wall time from the plan to the written table
     * @param planSeconds    of which planning on the driver (inputs, fingerprints, earlier records)
     * @param jobSeconds     of which the Spark job (the computing, on the executors)
     * @param executorStarts per executor that computed something, how long its Loupe took to start (ms)
     */
    record Outcome(JsonObject totals, int tasks, double seconds, double planSeconds, double jobSeconds,
            Map<String, Long> executorStarts) {
        int exitCode() {
            return totals.get("exitCode").getAsInt();
        }
    }

    private SparkRun() {
    }

    static Outcome run(SparkSession spark, Options o, PrintStream err) throws IOException {
        long t0 = System.nanoTime();
        EmbeddedLoupe loupe = EmbeddedLoupe.in(o.product());
        JsonObject plan = plan(loupe, o, InputTable.expand(spark, o.inputs()));
        plan.getAsJsonArray("warnings").forEach(w -> err.println("warning: " + w.getAsString()));
        JsonArray tasks = plan.getAsJsonArray("tasks");
        err.printf("running %s on %d inputs (%d already done) with Spark (%s)%n", o.pipeline(),
                plan.get("total").getAsInt(), plan.get("done").getAsInt(), spark.sparkContext().master());
        JsonArray models = plan.getAsJsonArray("models");
        models.forEach(m -> spark.sparkContext().addFile(Path.of(m.getAsString()).toAbsolutePath().toString(),
                true));
        List<Computed> computed = new ArrayList<>();
        long t1 = System.nanoTime();
        if (!tasks.isEmpty()) {
            List<String> list = new ArrayList<>();
            tasks.forEach(t -> list.add(t.toString()));
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            int parts = o.partitions() > 0 ? o.partitions()
                    : Math.max(jsc.defaultParallelism(), (list.size() + 9) / 10);
            JavaRDD<String> rdd = jsc.parallelize(list, Math.min(parts, list.size()));
            Progress progress = new Progress(err, list.size(), rdd.getNumPartitions());
            spark.sparkContext().addSparkListener(progress);
            try {
                computed = rdd.mapPartitions(new ComputeTasks(o.executorProduct(),
                        plan.getAsJsonObject("job").toString(), !models.isEmpty())).collect();
            } catch (RuntimeException e) {
                // a job Spark gave up on: the run ends as cancelled (earlier records and the summary kept, the
                // folder let go of), and the outputs its tasks wrote are computed again by a rerun
                finish(loupe, plan.get("plan").getAsString(), new JsonArray(), true);
                throw e;
            } finally {
                spark.sparkContext().removeSparkListener(progress);
            }
        }
        long t2 = System.nanoTime();
        Map<String, String> executors = new HashMap<>();
        Map<String, Long> starts = new HashMap<>();
        JsonArray records = new JsonArray();
        for (Computed c : computed) {
            records.add(c.record());
            JsonObject r = JsonParser.parseString(c.record()).getAsJsonObject();
            executors.put(r.get("input").getAsString(), c.executor());
            starts.put(c.executor(), c.startMillis());
            if (!"ok".equals(r.get("status").getAsString())) {
                // one line per failed input, as loupe run prints them
                err.println(r.get("reason").getAsString());
            }
        }
        JsonObject totals = finish(loupe, plan.get("plan").getAsString(), records, false);
        List<Computed> all = new ArrayList<>();
        totals.remove("records").getAsJsonArray().forEach(r -> {
            String line = r.getAsString();
            String input = JsonParser.parseString(line).getAsJsonObject().get("input").getAsString();
            all.add(new Computed(line, executors.get(input), 0));
        });
        List<String> providers = new ArrayList<>();
        plan.getAsJsonArray("providers").forEach(p -> providers.add(p.getAsString()));
        ResultsTable.write(spark, o.out().toAbsolutePath(), all, providers);
        return new Outcome(totals, computed.size(), (System.nanoTime() - t0) / 1e9, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                starts);
    }

    private static JsonObject plan(EmbeddedLoupe loupe, Options o, List<String> inputs) {
        JsonObject req = new JsonObject();
        req.addProperty("op", "plan");
        req.addProperty("pipeline", o.pipeline().toAbsolutePath().toString());
        JsonArray specs = new JsonArray();
        inputs.forEach(specs::add);
        req.add("inputs", specs);
        req.addProperty("out", o.out().toAbsolutePath().toString());
        req.addProperty("overwrite", o.overwrite());
        req.addProperty("fallback", o.fallback());
        req.addProperty("maxPixels", o.maxPixels());
        if (o.timeoutMillis() > 0) {
            req.addProperty("timeoutMillis", o.timeoutMillis());
        }
        return answer(loupe.call(req.toString()));
    }

    private static JsonObject finish(EmbeddedLoupe loupe, String plan, JsonArray records, boolean cancelled) {
        JsonObject req = new JsonObject();
        req.addProperty("op", "finish");
        req.addProperty("plan", plan);
        req.add("records", records);
        req.addProperty("cancelled", cancelled);
        return answer(loupe.call(req.toString()));
    }

    private static JsonObject answer(String text) {
        JsonObject a = JsonParser.parseString(text).getAsJsonObject();
        if (a.has("error")) {
            throw new SubmitFailure(a.get("exit").getAsInt(), a.get("error").getAsString());
        }
        return a;
    }
}
