package org.loupe.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginsCommandTest {

    @Test
    void jsonListsTheClassicEnhancersWithTheirMetadata() {
        CliRun run = CliRun.of("plugins", "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonArray list = JsonParser.parseString(run.out()).getAsJsonArray();
        List<String> ids = new ArrayList<>();
        for (JsonElement e : list) {
            ids.add(e.getAsJsonObject().get("id").getAsString());
        }
        assertTrue(ids.containsAll(List.of("enhance.bicubic", "enhance.gaussian", "enhance.median")), ids.toString());
        JsonObject median = list.asList().stream().map(JsonElement::getAsJsonObject)
                .filter(o -> o.get("id").getAsString().equals("enhance.median")).findFirst().orElseThrow();
        assertEquals("enhancer", median.get("kind").getAsString());
        assertEquals("Median filter", median.get("name").getAsString());
        assertEquals("1.1.0", median.get("version").getAsString());
        assertEquals("NONE", median.get("accelerator").getAsString());
        assertEquals("org.loupe.enhance.classic", median.get("bundle").getAsString());
        assertTrue(median.get("inputTypes").getAsJsonArray().toString().contains("GRAY:UINT16:1"));
        assertTrue(List.of("READY", "ACTIVE").contains(median.get("health").getAsString()));
    }

    @Test
    void tableHasAHeaderAndOneLinePerProvider() {
        CliRun run = CliRun.of("plugins", "--kind", "enhancer");
        assertEquals(0, run.exitCode(), run.toString());
        String[] lines = run.out().split("\n");
        assertTrue(lines[0].startsWith("ID"), lines[0]);
        assertTrue(run.out().contains("enhance.median"), run.out());
        assertTrue(Arrays.stream(lines).anyMatch(l -> l.matches("\\d+ providers?")), run.out());
    }

    @Test
    void describeShowsTheParameters() {
        CliRun run = CliRun.of("describe", "enhance.median");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("size"), run.out());
        assertTrue(run.out().contains("[1, 99]"), run.out());
    }

    @Test
    void describingAnUnknownProviderIsAProviderError() {
        CliRun run = CliRun.of("describe", "enhance.nothing");
        assertEquals(4, run.exitCode(), run.toString());
        assertEquals("loupe: provider 'enhance.nothing' is not installed (see 'loupe plugins')\n", run.err());
    }

    @Test
    void aMissingCommandOrAnUnknownOptionIsAUsageError() {
        assertEquals(2, CliRun.of().exitCode());
        CliRun run = CliRun.of("plugins", "--colour");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("loupe: Unknown option: '--colour'"), run.err());
    }

    @Test
    void theWorkbenchIsStartedByTheLauncherNotTheHeadlessApplication() {
        CliRun run = CliRun.of("workbench");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("./loupe workbench"), run.err());
    }
}
