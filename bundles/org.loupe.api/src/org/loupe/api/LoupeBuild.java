package org.loupe.api;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The version of the running Loupe build, which model folders and reports record beside their own versions. */
public final class LoupeBuild {

    private LoupeBuild() {
    }

    /** The API bundle's version (every Loupe bundle of a build shares it), or "(development)" outside OSGi. */
    public static String version() {
        try {
            Bundle b = FrameworkUtil.getBundle(LoupeBuild.class);
            return b == null ? "(development)" : b.getVersion().toString();
        } catch (NoClassDefFoundError e) {
            return "(development)";
        }
    }
}
