package org.loupe.plugins;

import java.util.List;

/**
 * What one install, update or uninstall did: the plugins it concerned, and the lines of {@code bundles.info} (the
 * list of bundles an installation starts) it added and removed, which {@link RunningBundles} applies to a running
 * Loupe. Empty when there was nothing to do.
 */
public record PluginChange(List<InstalledPlugin> plugins, List<String> added, List<String> removed) {

    /** Nothing done. */
    public static PluginChange none() {
        return new PluginChange(List.of(), List.of(), List.of());
    }

    /** Whether nothing was done. */
    public boolean isEmpty() {
        return plugins.isEmpty();
    }
}
