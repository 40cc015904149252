package org.loupe.cli.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import picocli.CommandLine.IVersionProvider;

/** Reports the version of the installed command-line bundle and the Java runtime. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        Bundle b = FrameworkUtil.getBundle(VersionProvider.class);
        String version = b == null ? "(development)" : b.getVersion().toString();
        return new String[] {"Loupe " + version, "Java " + Runtime.version()};
    }
}
