package org.loupe.cli.internal;

import java.util.Map;
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
        String device = environment.get(DEVICE);
        String tile = environment.get(TILE);
        try {
            if (device != null) {
                ComputeSettings.setDevice(ComputeSettings.parseDevice(device));
            }
            if (tile != null) {
                ComputeSettings.setMaxTile(ComputeSettings.parseTile(tile));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("environment variable " + (device != null && e.getMessage()
                    .startsWith("device") ? DEVICE : TILE) + ": " + e.getMessage(), e);
        }
    }
}
