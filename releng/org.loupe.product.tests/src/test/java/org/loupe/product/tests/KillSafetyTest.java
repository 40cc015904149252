package org.loupe.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The short version of {@code ./loupe bench kill} (docs/RELIABILITY.md): one {@code kill -9} each of {@code enhance},
 * {@code run} and {@code train} at a random moment (a new seed each build), no partial output, and the next command
 * completes the work.
 */
class KillSafetyTest {

    @Test
    void killedEnhanceRunAndTrainLeaveNothingPartialAndTheNextCommandCompletes() throws Exception {
        Path work = Launcher.fresh("bench-kill");
        long seed = System.nanoTime();
        Launcher.Run run = Launcher.run("bench", "kill", "--trials", "1", "--seed", Long.toString(seed), "--work",
                work.toString(), "--json");
        assertEquals(0, run.exitCode(), "seed " + seed + "\n" + run);
        JsonObject report = JsonParser.parseString(run.out()).getAsJsonObject();
        Set<String> commands = new HashSet<>();
        for (JsonElement e : report.getAsJsonArray("trials")) {
            JsonObject t = e.getAsJsonObject();
            commands.add(t.get("command").getAsString());
            assertTrue(!t.has("problem") || t.get("problem").isJsonNull(), "seed " + seed + ": " + t);
        }
        assertEquals(Set.of("enhance", "run", "train"), commands);
    }
}
