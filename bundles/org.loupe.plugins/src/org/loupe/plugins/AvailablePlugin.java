package org.loupe.plugins;

/**
 * A plugin an update site offers: a feature with its id (without p2's {@code .feature.group}), version, name,
 * provider and description.
 */
public record AvailablePlugin(String id, String version, String name, String provider, String description) {
}
