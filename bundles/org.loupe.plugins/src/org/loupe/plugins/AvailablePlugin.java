package org.loupe.plugins;

/**
 * A plugin an update site offers: a feature with its id (without p2's {@code .feature.group}), version, name,
 * provider and description, who signed its bundles ("unsigned", "TAMPERED", or the signers' names) and whether
 * every signer is one the installation trusts (otherwise installing it needs the user's explicit trust).
 */
public record AvailablePlugin(String id, String version, String name, String provider, String description,
        String signer, boolean trusted) {
}
