package org.loupe.spark;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/** {@code loupe spark submit}: runs a pipeline file on Spark, as {@code loupe run} runs it on this machine. */
final class SubmitCommand {

    static final String HELP = """
            usage: loupe spark submit PIPELINE.json [options]
            Runs a pipeline file (docs/PIPELINES.md) on Apache Spark: each executor starts the product's Loupe once
            and computes its share of the inputs with the product's providers; outputs, results.jsonl, summary.csv,
            run.json and report.html are those of 'loupe run', plus results.parquet (one row per input).
              --input DIR|GLOB|LIST|TABLE  inputs instead of the pipeline's input.paths; a .parquet or .csv table
                                           lists paths in its 'path' column; repeatable
              --out DIR                    output folder, seen by every executor (default: NAME-results)
              --master URL                 local[N], spark://HOST:PORT, ... (default: spark-submit's, else
                                           local[*])
              --product DIR                the product on this machine (default: the one ./loupe runs)
              --executor-product PATH      the product as executors see it (default: the same folder; a relative
                                           path is taken in the executor's folder, e.g. 'loupe' after
                                           spark-submit --archives loupe.tar.gz#loupe)
              --partitions N               parts the inputs are split into (default: ten inputs each)
              --conf KEY=VALUE             a Spark setting, e.g. spark.executor.memory=4g; repeatable
              --max-pixels N               the largest image read (default 100000000)
              --timeout SECONDS            give up on an input that takes longer (a provider failure, exit 4)
              --overwrite                  write into a folder holding files other than an earlier run's
              --no-fallback                a detector that cannot run fails instead of falling back
              --json                       print the run's totals as JSON
            Exit 0 if every input is ok, 2 usage, 3 if some inputs were bad, 4 if a provider failed on some.""";

    private final PrintStream out;
    private final PrintStream err;

    SubmitCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> argv) {
        if (argv.contains("--help") || argv.contains("-h")) {
            out.println(HELP);
            return 0;
        }
        Args args = new Args(argv, Set.of("--input", "--out", "--master", "--product", "--executor-product",
                "--partitions", "--conf", "--max-pixels", "--timeout"), Set.of("--overwrite", "--no-fallback",
                "--json"));
        if (args.positional().size() != 1) {
            throw new SubmitFailure(2, "give one pipeline file (loupe spark submit --help)");
        }
        Path pipeline = Path.of(args.positional().get(0));
        if (!Files.isRegularFile(pipeline)) {
            throw new SubmitFailure(3, pipeline + ": no such file");
        }
        Path product = product(args.get("--product", System.getProperty("loupe.product")));
        String name = pipeline.getFileName().toString().replaceFirst("\\.json$", "");
        SparkRun.Options o = new SparkRun.Options(pipeline, args.all("--input"),
                Path.of(args.get("--out", name + "-results")), args.has("--overwrite"), !args.has("--no-fallback"),
                args.whole("--max-pixels", 100_000_000L), args.integer("--partitions", 0), product,
                args.get("--executor-product", product.toString()), timeoutMillis(args.get("--timeout", null)));
        SparkSession spark = Sessions.start("loupe " + name, args.get("--master", null), args.all("--conf"));
        try {
            SparkRun.Outcome r = SparkRun.run(spark, o, err);
            report(r, o.out(), args.has("--json"));
            return r.exitCode();
        } catch (IOException e) {
            throw new SubmitFailure(3, o.out() + ": cannot write the results table (" + e.getMessage() + ")");
        } finally {
            spark.stop();
        }
    }

    private void report(SparkRun.Outcome r, Path outDir, boolean json) {
        JsonObject t = r.totals();
        if (json) {
            t.addProperty("out", outDir.toString());
            t.addProperty("seconds", r.seconds());
            out.println(t);
            return;
        }
        out.printf(Locale.ROOT, "%d inputs: %d computed, %d already done, %d failed; results in %s and %s%n",
                t.get("items").getAsInt(), t.get("computed").getAsInt(), t.get("skipped").getAsInt(),
                t.get("failed").getAsInt(), outDir.resolve("summary.csv"), outDir.resolve(ResultsTable.NAME));
        if (t.has("detection")) {
            JsonObject d = t.getAsJsonObject("detection");
            out.printf(Locale.ROOT, "detection (DeepPCB protocol): mAP %.2f %%, F-score %.2f %%%n",
                    100 * d.get("mAP").getAsDouble(), 100 * d.get("fScore").getAsDouble());
        }
    }

    private static long timeoutMillis(String seconds) {
        try {
            double s = seconds == null ? 0 : Double.parseDouble(seconds);
            if (!(s >= 0)) {
                throw new NumberFormatException();
            }
            return Math.round(s * 1000);
        } catch (NumberFormatException e) {
            throw new SubmitFailure(2, "--timeout needs a number of seconds, got '" + seconds + "'");
        }
    }

    static Path product(String dir) {
        if (dir == null) {
            throw new SubmitFailure(2, "no product: give --product DIR (./loupe spark sets it)");
        }
        Path p = Path.of(dir).toAbsolutePath().normalize();
        if (!Files.isDirectory(p.resolve("plugins"))) {
            throw new SubmitFailure(2, p + " is not a Loupe product folder (it has no plugins/)");
        }
        return p;
    }
}
