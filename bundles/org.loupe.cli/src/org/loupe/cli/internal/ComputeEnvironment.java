package org.loupe.cli.internal;

import java.util.Map;
import java.util.function.Function;
import org.loupe.api.ComputeSettings;

/**
 * The command line's way to make the {@link ComputeSettings}: {@code LOUPE_DEVICE} (auto or cpu) and
 * {@code LOUPE_TILE} (the largest tile side in pixels, 0 for each model's own), applied before a command runs.
 */
final class ComputeEnvironment {

    static final String DEVICE = "LOUPE_DEVICE";
    static final String TILE = "LOUPE_TILE";

    private ComputeEnvironment() {
    }

    /**
     * Applies the variables that are set; leaves the others' choices alone.
     *
     * @throws IllegalArgumentException naming the variable, if a value cannot be read
     */
    static void apply(Map<String, String> environment) {
        if (environment.containsKey(DEVICE)) {
            ComputeSettings.setDevice(read(environment, DEVICE, ComputeSettings::parseDevice));
        }
        if (environment.containsKey(TILE)) {
            ComputeSettings.setMaxTile(read(environment, TILE, ComputeSettings::parseTile));
        }
    }

    private static <T> T read(Map<String, String> environment, String variable, Function<String, T> parse) {
        try {
            return parse.apply(environment.get(variable));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("environment variable " + variable + ": " + e.getMessage(), e);
        }
    }
}
