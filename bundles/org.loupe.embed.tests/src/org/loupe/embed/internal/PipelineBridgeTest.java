package org.loupe.embed.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.image.ImageType;
import org.loupe.image.io.ImageFiles;
import org.loupe.pipeline.Pipeline;
import org.loupe.pipeline.PipelineReader;
import org.loupe.pipeline.Step;
import org.loupe.registry.ProviderRegistry;
import org.loupe.testing.OsgiServices;
import org.loupe.testing.SyntheticImages;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The service a host JVM (the Spark host) calls: a run planned, computed task by task and finished through JSON
 * alone; a computing process whose providers differ records each task as failed instead of writing outputs; model
 * folders are read from their shipped copies.
 */
class PipelineBridgeTest {

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static Function<String, String> bridge() throws Exception {
        ServiceTracker<Object, Object> t = new ServiceTracker<>(OsgiServices.context(), FrameworkUtil.createFilter(
                "(&(objectClass=java.util.function.Function)(loupe.embed=pipeline))"), null);
        t.open();
        Object service = t.waitForService(TimeUnit.SECONDS.toMillis(20));
        assertNotNull(service, "no pipeline service");
        return (Function<String, String>) service;
    }

    private JsonObject plan(Function<String, String> bridge, Path out) throws Exception {
        return plan(bridge, out, "enhance.median", 0);
    }

    private JsonObject plan(Function<String, String> bridge, Path out, String enhancer, long timeoutMillis)
            throws Exception {
        Path in = dir.resolve("in");
        // written once: a rewritten input is a changed input, which a second plan would rightly compute again
        boolean written = Files.isDirectory(in);
        for (int i = 0; i < 3 && !written; i++) {
            ImageFiles.write(SyntheticImages.scene(ImageType.GRAY_U8, 24, 16, i), in.resolve("img" + i + ".png"));
        }
        Path pipeline = Files.writeString(dir.resolve("p.json"), "{\"steps\": [{\"enhance\": \"" + enhancer
                + "\"}], \"output\": {\"format\": \"png\"}}");
        JsonObject req = new JsonObject();
        req.addProperty("op", "plan");
        req.addProperty("pipeline", pipeline.toString());
        JsonArray inputs = new JsonArray();
        inputs.add(in.toString());
        req.add("inputs", inputs);
        req.addProperty("out", out.toString());
        req.addProperty("overwrite", false);
        req.addProperty("fallback", true);
        req.addProperty("maxPixels", 1_000_000);
        if (timeoutMillis > 0) {
            req.addProperty("timeoutMillis", timeoutMillis);
        }
        return JsonParser.parseString(bridge.apply(req.toString())).getAsJsonObject();
    }

    private static JsonObject run(Function<String, String> bridge, JsonObject job, JsonObject task) {
        JsonObject req = new JsonObject();
        req.addProperty("op", "run");
        req.add("job", job);
        req.add("task", task);
        return JsonParser.parseString(bridge.apply(req.toString())).getAsJsonObject();
    }

    @Test
    void aRunPlannedComputedAndFinishedThroughJsonWritesItsOutputsAndRecords() throws Exception {
        Function<String, String> bridge = bridge();
        Path out = dir.resolve("out");
        JsonObject plan = plan(bridge, out);
        assertEquals(3, plan.getAsJsonArray("tasks").size(), plan.toString());
        assertEquals(1, plan.getAsJsonArray("providers").size());
        assertTrue(plan.getAsJsonArray("providers").get(0).getAsString().startsWith("enhance.median@"));
        JsonArray records = new JsonArray();
        for (var t : plan.getAsJsonArray("tasks")) {
            JsonObject record = run(bridge, plan.getAsJsonObject("job"), t.getAsJsonObject());
            assertEquals("ok", record.get("status").getAsString(), record.toString());
            records.add(record.toString());
        }
        JsonObject finish = new JsonObject();
        finish.addProperty("op", "finish");
        finish.addProperty("plan", plan.get("plan").getAsString());
        finish.add("records", records);
        finish.addProperty("cancelled", false);
        JsonObject totals = JsonParser.parseString(bridge.apply(finish.toString())).getAsJsonObject();
        assertEquals(3, totals.get("computed").getAsInt(), totals.toString());
        assertEquals(0, totals.get("exitCode").getAsInt());
        assertEquals(3, totals.getAsJsonArray("records").size());
        assertEquals(3, Files.readAllLines(out.resolve("results.jsonl")).size());
        assertTrue(Files.isRegularFile(out.resolve("img1.png")));
        // planned again: nothing left to compute
        assertEquals(0, plan(bridge, out).getAsJsonArray("tasks").size());
    }

    @Test
    void aProcessWithOtherProviderVersionsRecordsEachTaskAsFailedAndWritesNothing() throws Exception {
        Function<String, String> bridge = bridge();
        Path out = dir.resolve("out");
        JsonObject plan = plan(bridge, out);
        JsonObject job = plan.getAsJsonObject("job").deepCopy();
        job.addProperty("identity", job.get("identity").getAsString().replace("enhance.median@", "enhance.median@7."));
        JsonObject record = run(bridge, job, plan.getAsJsonArray("tasks").get(0).getAsJsonObject());
        assertEquals("failed", record.get("status").getAsString());
        assertEquals(4, record.get("exitClass").getAsInt());
        assertTrue(record.get("reason").getAsString().contains("enhance.median@7."), record.toString());
        assertTrue(Files.notExists(out.resolve("img0.png")));
    }

    @Test
    void anItemPastThePlannedTimeLimitIsRecordedAsAProviderFailure() throws Exception {
        ServiceRegistration<ImageEnhancer> slow = OsgiServices.register(ImageEnhancer.class, "test.slow",
                (input, ctx) -> {
                    while (true) {
                        ctx.checkCancelled();
                        Thread.onSpinWait();
                    }
                }, "GRAY:UINT8:1");
        try {
            Function<String, String> bridge = bridge();
            Path out = dir.resolve("out");
            JsonObject plan = plan(bridge, out, "test.slow", 300);
            JsonObject record = run(bridge, plan.getAsJsonObject("job"), plan.getAsJsonArray("tasks").get(0)
                    .getAsJsonObject());
            assertEquals("failed", record.get("status").getAsString(), record.toString());
            assertEquals(4, record.get("exitClass").getAsInt());
            assertTrue(record.get("reason").getAsString().contains("not finished within 0.3 s"), record.toString());
        } finally {
            slow.unregister();
        }
    }

    @Test
    void aPlanThatCannotStartAnswersAnErrorWithItsExitClass() throws Exception {
        JsonObject req = new JsonObject();
        req.addProperty("op", "plan");
        req.addProperty("pipeline", dir.resolve("missing.json").toString());
        req.add("inputs", new JsonArray());
        req.addProperty("out", dir.resolve("out").toString());
        req.addProperty("overwrite", false);
        req.addProperty("fallback", true);
        req.addProperty("maxPixels", 1_000_000);
        JsonObject a = JsonParser.parseString(bridge().apply(req.toString())).getAsJsonObject();
        assertEquals(3, a.get("exit").getAsInt(), a.toString());
        assertTrue(a.get("error").getAsString().contains("missing.json"), a.toString());
    }

    @Test
    void modelFoldersAreReadFromTheirShippedCopiesAndTwoWithOneNameAreRefused() throws Exception {
        ProviderRegistry registry = OsgiServices.await(ProviderRegistry.class);
        Path model = Files.createDirectories(dir.resolve("models/classic-7"));
        Pipeline p = new PipelineReader(registry).parse("p.json", "{\"steps\": [{\"detect\": \"detect.classic\","
                + " \"params\": {\"model\": \"" + model + "\"}}]}");
        Map<String, String> shipped = ModelFolders.of(p);
        assertEquals(Map.of(model.toString(), "classic-7"), shipped);
        Path files = dir.resolve("spark-files");
        Step relocated = ModelFolders.relocated(p, shipped, files).steps().get(0);
        assertEquals(files.resolve("classic-7").toString(), relocated.params().get("model"));
        assertEquals(p.source(), ModelFolders.relocated(p, shipped, files).source());

        Path other = Files.createDirectories(dir.resolve("elsewhere/classic-7"));
        Pipeline clash = p.withSteps(java.util.List.of(p.steps().get(0), p.steps().get(0).withParams(Map.of("model",
                other.toString()))));
        LoupeException e = assertThrows(LoupeException.class, () -> ModelFolders.of(clash));
        assertTrue(e.getMessage().contains("same name"), e.getMessage());
    }
}
