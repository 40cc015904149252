package org.loupe.plugins;

import java.util.List;

/**
 * A plugin in an installation: its feature id and version, name, where it came from (the update site, or "Loupe"
 * for what the product itself brings), who signed its bundles ("unsigned", or "TAMPERED" when a jar no longer
 * matches its signature) and the symbolic names of those bundles.
 */
public record InstalledPlugin(String id, String version, String name, String origin, String signer,
        List<String> bundles) {

    /** Whether it was installed from a site (and so can be uninstalled), not brought by the product. */
    public boolean fromSite() {
        return !origin.equals("Loupe");
    }
}
