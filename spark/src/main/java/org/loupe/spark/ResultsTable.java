package org.loupe.spark;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The run's {@code results.parquet}: one row per input with the fields of its record in {@code results.jsonl}, the
 * providers that made it, the executor that computed it (null for items an earlier run completed) and the record's
 * own line, so that a table query and a local run's JSON lines can be compared field by field. Written beside the
 * outputs into a temporary folder and renamed into place, so a reader never sees half a table.
 */
final class ResultsTable {

    /** The table's folder name in the output folder. */
    static final String NAME = "results.parquet";

    static final StructType SCHEMA = new StructType()
            .add("input", DataTypes.StringType, false)
            .add("name", DataTypes.StringType, false)
            .add("status", DataTypes.StringType, false)
            .add("exit", DataTypes.IntegerType, false)
            .add("reason", DataTypes.StringType, true)
            .add("outputs", DataTypes.createArrayType(DataTypes.StringType), false)
            .add("detections", DataTypes.IntegerType, false)
            .add("patches", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType), false)
            .add("metrics", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType), false)
            .add("warnings", DataTypes.createArrayType(DataTypes.StringType), false)
            .add("millis", DataTypes.LongType, false)
            .add("fingerprint", DataTypes.StringType, false)
            .add("providers", DataTypes.createArrayType(DataTypes.StringType), false)
            .add("executor", DataTypes.StringType, true)
            .add("record", DataTypes.StringType, false);

    private static final int ROWS_PER_PART = 500;

    private ResultsTable() {
    }

    /**
     * Writes the table.
     *
     * @param records   every item's record line with the executor that computed it in this run (null for items an
     *                  earlier run completed), in input order
     * @param providers {@code id@version} per step
     */
    static void write(SparkSession spark, Path outDir, List<Computed> records, List<String> providers)
            throws IOException {
        List<String> providerList = List.copyOf(providers);
        // rows are made where Spark runs the job, a few hundred per task: a list of 100,000 records sent as one
        // task would exceed what Spark sends in one message
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(records, Math.max(1, records.size() / ROWS_PER_PART))
                .map(c -> row(c, providerList));
        Path target = outDir.resolve(NAME);
        Path partial = outDir.resolve("." + NAME + ".partial-" + ProcessHandle.current().pid());
        delete(partial);
        spark.createDataFrame(rows, SCHEMA).write().mode(SaveMode.ErrorIfExists)
                .parquet(partial.toString());
        Path old = outDir.resolve("." + NAME + ".old-" + ProcessHandle.current().pid());
        if (Files.exists(target)) {
            Files.move(target, old);
        }
        Files.move(partial, target);
        delete(old);
    }

    private static Row row(Computed c, List<String> providers) {
        JsonObject r = JsonParser.parseString(c.record()).getAsJsonObject();
        // Spark's row encoder takes Scala's collections for array and map columns
        return RowFactory.create(r.get("input").getAsString(), r.get("name").getAsString(),
                r.get("status").getAsString(), r.get("exitClass").getAsInt(), text(r.get("reason")), seq(strings(r.get("outputs"))),
                r.getAsJsonArray("detections").size(), CollectionConverters.asScala(map(r.getAsJsonObject("patches"),
                true)), CollectionConverters.asScala(map(r.getAsJsonObject("metrics"), false)),
                seq(strings(r.get("warnings"))), r.get("millis").getAsLong(), r.get("fingerprint").getAsString(),
                seq(providers), c.executor(), c.record());
    }

    private static scala.collection.immutable.Seq<String> seq(List<String> values) {
        return CollectionConverters.asScala(values).toSeq();
    }

    private static String text(JsonElement e) {
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static List<String> strings(JsonElement e) {
        List<String> out = new ArrayList<>();
        if (e != null && e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> out.add(x.getAsString()));
        }
        return out;
    }

    private static Map<String, Object> map(JsonObject o, boolean integers) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (o != null) {
            o.entrySet().forEach(e -> m.put(e.getKey(), integers ? (Object) e.getValue().getAsInt()
                    : (Object) e.getValue().getAsDouble()));
        }
        return m;
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
