package org.loupe.plugins;

/**
 * A plugin in an installation: its feature id and version, name, where it came from (the update site, or "Loupe"
 * for what the product itself brings) and who signed its bundles ("unsigned", or "TAMPERED" when a jar no longer
 * matches its signature).
 */
public record InstalledPlugin(String id, String version, String name, String origin, String signer) {
}
