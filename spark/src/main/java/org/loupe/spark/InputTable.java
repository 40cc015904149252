package org.loupe.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Inputs named by a table of paths, as a line's database or a previous Spark job hands them over: a Parquet file or
 * folder, or a CSV file with a header, whose {@code path} column (else its only column) lists the images. Relative
 * paths are taken in the table's folder. Other inputs (folders, globs, list files) pass through for Loupe to expand.
 */
final class InputTable {

    private InputTable() {
    }

    /** The inputs with every table replaced by the paths it lists, in the table's order. */
    static List<String> expand(SparkSession spark, List<String> specs) {
        List<String> out = new ArrayList<>();
        for (String spec : specs) {
            String lower = spec.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".parquet")) {
                out.addAll(paths(spark.read().parquet(spec), spec));
            } else if (lower.endsWith(".csv")) {
                out.addAll(paths(spark.read().option("header", "true").csv(spec), spec));
            } else {
                out.add(spec);
            }
        }
        return out;
    }

    private static List<String> paths(Dataset<Row> table, String spec) {
        List<String> columns = Arrays.asList(table.columns());
        String column = columns.contains("path") ? "path" : columns.size() == 1 ? columns.get(0) : null;
        if (column == null) {
            throw new SubmitFailure(2, spec + ": a table of inputs needs a 'path' column; it has " + columns);
        }
        Path base = Path.of(spec).toAbsolutePath().getParent();
        List<String> paths = new ArrayList<>();
        for (Row r : table.select(column).collectAsList()) {
            if (!r.isNullAt(0)) {
                paths.add(base.resolve(r.getString(0)).normalize().toString());
            }
        }
        if (paths.isEmpty()) {
            throw new SubmitFailure(2, spec + ": the table lists no paths");
        }
        return paths;
    }
}
