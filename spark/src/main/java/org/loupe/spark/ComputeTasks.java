package org.loupe.spark;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * What an executor does with one partition of tasks: it asks its JVM's Loupe (started on the first partition, kept for
 * the others, with its providers and their loaded models) to compute each task, and answers each task's record.
 */
final class ComputeTasks implements FlatMapFunction<Iterator<String>, Computed> {

    private static final long serialVersionUID = 1L;

    private final String product;
    private final String job;
    private final boolean shipsModels;

    /**
     * @param product     the product folder on the executors; a relative one is taken in the executor's working
     *                    folder, where {@code spark-submit --archives} unpacks
     * @param job         the planner's job description
     * @param shipsModels whether the model folders were added as Spark files
     */
    ComputeTasks(String product, String job, boolean shipsModels) {
        this.product = product;
        this.job = job;
        this.shipsModels = shipsModels;
    }

    @Override
    public Iterator<Computed> call(Iterator<String> tasks) {
        EmbeddedLoupe loupe = EmbeddedLoupe.in(Path.of(product));
        String executor = SparkEnv.get() == null ? "driver" : SparkEnv.get().executorId();
        JsonObject request = new JsonObject();
        request.addProperty("op", "run");
        request.add("job", JsonParser.parseString(job));
        if (shipsModels) {
            request.addProperty("files", SparkFiles.getRootDirectory());
        }
        List<Computed> out = new ArrayList<>();
        while (tasks.hasNext()) {
            request.add("task", JsonParser.parseString(tasks.next()));
            out.add(new Computed(loupe.call(request.toString()), executor, loupe.startMillis()));
        }
        return out.iterator();
    }
}
