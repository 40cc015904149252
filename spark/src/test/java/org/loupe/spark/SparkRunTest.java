package org.loupe.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The same pipeline file on Spark ({@code local[2]}, executors in this JVM with the product's own framework) and with
 * {@code loupe run}: byte-identical outputs, a results table that says what the local JSON lines say, a bad input
 * recorded without failing the job, inputs from a CSV table, and a rerun that computes only what is not done.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkRunTest {

    private static final String PIPELINE = """
            {"name": "spark test", "input": {"match": "{name}_test.jpg"},
             "steps": [
               {"enhance": "enhance.median", "params": {"size": "3"}},
               {"detect": "detect.template", "reference": "{name}_temp.jpg", "scoreThreshold": 0.5},
               {"classify": "classify.siamese", "reference": "{name}_temp.jpg", "patch": 64}],
             "output": {"format": "png"}}
            """;

    private static Path work;
    private static Path inputs;
    private static Path pipeline;
    private static Path local;
    private static Path spark;
    private static int exitLocal;

    @BeforeAll
    static void runLocally() throws Exception {
        work = fresh(Path.of(System.getProperty("loupe.work")).resolve("spark-run-test"));
        inputs = Files.createDirectories(work.resolve("boards"));
        Path samples = Path.of(System.getProperty("loupe.samples"), "deeppcb");
        try (Stream<Path> s = Files.walk(samples)) {
            for (Path f : s.filter(f -> f.toString().endsWith(".jpg")).toList()) {
                Files.copy(f, inputs.resolve(f.getFileName()));
            }
        }
        // a board whose image was cut short in transfer: its template is fine, the test image is not
        byte[] whole = Files.readAllBytes(inputs.resolve("13000008_test.jpg"));
        Files.write(inputs.resolve("99999999_test.jpg"), java.util.Arrays.copyOf(whole, whole.length / 3));
        Files.copy(inputs.resolve("13000008_temp.jpg"), inputs.resolve("99999999_temp.jpg"));
        pipeline = Files.writeString(work.resolve("spark-test.json"), PIPELINE);
        local = work.resolve("local");
        spark = work.resolve("spark");
        ProcessBuilder pb = new ProcessBuilder(System.getProperty("loupe.launcher"), "run", pipeline.toString(),
                "--input", inputs.toString(), "--out", local.toString());
        pb.environment().put("LOUPE_PRODUCT", System.getProperty("loupe.product"));
        pb.environment().put("LOUPE_HOME", work.resolve("loupe-home").toString());
        pb.redirectErrorStream(true).redirectOutput(work.resolve("local.log").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "loupe run did not finish in 5 minutes");
        exitLocal = p.exitValue();
    }

    @Test
    @Order(1)
    void sparkWritesTheOutputsOfLoupeRunByteForByte() throws Exception {
        Path table = Files.writeString(work.resolve("boards.csv"), "path,line\n" + String.join("\n",
                names(inputs).stream().filter(n -> n.endsWith("_test.jpg")).map(n -> "boards/" + n + ",A7").toList())
                + "\n");
        Result r = submit("--input", table.toString(), "--out", spark.toString());
        assertEquals(3, exitLocal, "the local run had a bad input: " + Files.readString(work.resolve("local.log")));
        assertEquals(3, r.exit(), r.err());
        TreeSet<String> outputs = outputs(local);
        assertEquals(outputs, outputs(spark));
        assertTrue(outputs.contains("13000008.png") && outputs.contains("13000008.txt")
                && outputs.contains("13000008.patches.csv"), outputs.toString());
        for (String name : outputs) {
            assertArrayEquals(Files.readAllBytes(local.resolve(name)), Files.readAllBytes(spark.resolve(name)), name);
        }
        assertTrue(Files.isRegularFile(spark.resolve("report.html")));
        assertTrue(Files.readString(spark.resolve("summary.csv")).contains("99999999_test.jpg"));
    }

    @Test
    @Order(2)
    void theResultsTableSaysWhatTheLocalJsonLinesSay() throws Exception {
        Map<String, JsonObject> lines = new HashMap<>();
        for (String line : Files.readAllLines(local.resolve("results.jsonl"))) {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            lines.put(o.get("input").getAsString(), o);
        }
        SparkSession session = SparkSession.builder().master("local[1]").appName("read").getOrCreate();
        try {
            List<Row> rows = session.read().parquet(spark.resolve(ResultsTable.NAME).toString()).collectAsList();
            assertEquals(lines.size(), rows.size());
            for (Row row : rows) {
                JsonObject want = lines.get(row.<String>getAs("input"));
                assertEquals(want.get("status").getAsString(), row.getAs("status"));
                assertEquals(want.get("exitClass").getAsInt(), (int) row.<Integer>getAs("exit"));
                assertEquals(want.get("fingerprint").getAsString(), row.getAs("fingerprint"));
                assertEquals(want.getAsJsonArray("detections").size(), (int) row.<Integer>getAs("detections"));
                assertEquals(strings(want, "outputs"), row.getList(row.fieldIndex("outputs")));
                Map<String, Integer> patches = new HashMap<>();
                want.getAsJsonObject("patches").entrySet().forEach(e -> patches.put(e.getKey(),
                        e.getValue().getAsInt()));
                assertEquals(patches, row.getJavaMap(row.fieldIndex("patches")));
                if (want.get("status").getAsString().equals("ok")) {
                    assertNull(row.getAs("reason"));
                } else {
                    assertEquals(want.get("reason").getAsString(), row.getAs("reason"));
                }
                assertEquals(3, row.getList(row.fieldIndex("providers")).size());
                JsonObject record = JsonParser.parseString(row.<String>getAs("record")).getAsJsonObject();
                record.remove("millis");
                want.remove("millis");
                assertEquals(want, record);
            }
        } finally {
            session.stop();
        }
    }

    @Test
    @Order(3)
    void aRerunComputesOnlyTheBadInputAndLeavesFinishedOutputsAlone() throws Exception {
        FileTime before = Files.getLastModifiedTime(spark.resolve("13000008.png"));
        Result r = submit("--input", inputs.toString(), "--out", spark.toString(), "--json");
        assertEquals(3, r.exit(), r.err());
        JsonObject totals = JsonParser.parseString(r.out().strip()).getAsJsonObject();
        assertEquals(4, totals.get("items").getAsInt());
        assertEquals(3, totals.get("skipped").getAsInt());
        assertEquals(1, totals.get("computed").getAsInt());
        assertEquals(before, Files.getLastModifiedTime(spark.resolve("13000008.png")));
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result submit(String... args) {
        List<String> argv = new ArrayList<>(List.of("submit", pipeline.toString(), "--master", "local[2]",
                "--product", System.getProperty("loupe.product")));
        argv.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = LoupeSpark.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The item outputs of a run folder: everything but the run's own records, summaries and table. */
    private static TreeSet<String> outputs(Path dir) throws IOException {
        TreeSet<String> names = names(dir);
        names.removeIf(n -> n.startsWith("results.") || n.startsWith("report") || n.equals("summary.csv")
                || n.equals("run.json"));
        return names;
    }

    private static TreeSet<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new TreeSet<>(s.map(f -> f.getFileName().toString()).toList());
        }
    }

    private static List<String> strings(JsonObject o, String key) {
        List<String> out = new ArrayList<>();
        o.getAsJsonArray(key).forEach(e -> out.add(e.getAsString()));
        return out;
    }

    private static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
            }
        }
        return Files.createDirectories(dir);
    }
}
