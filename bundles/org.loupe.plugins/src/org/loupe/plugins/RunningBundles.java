package org.loupe.plugins;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Applies a {@link PluginChange} to the Loupe that is running, so that a workbench need not restart: bundles p2
 * added are installed and started (their Declarative Services components, and so their providers, come up), bundles
 * it removed are stopped and uninstalled. Where OSGi cannot do it in place (a fragment, or a bundle already
 * resolved by others that must be replaced) the answer says that a restart is needed.
 */
public final class RunningBundles {

    private RunningBundles() {
    }

    /** What happened, one line per bundle; a line starting "restart" when Loupe must be restarted for the rest. */
    public static List<String> apply(PluginChange change, Path installation, BundleContext context) {
        List<String> out = new ArrayList<>();
        List<Bundle> gone = new ArrayList<>();
        for (String line : change.removed()) {
            String[] f = line.split(",");
            for (Bundle b : context.getBundles()) {
                if (b.getSymbolicName() != null && b.getSymbolicName().equals(f[0]) && b.getVersion().toString()
                        .equals(f[1])) {
                    try {
                        b.uninstall();
                        gone.add(b);
                        out.add("removed " + f[0] + " " + f[1]);
                    } catch (BundleException e) {
                        out.add("restart Loupe to remove " + f[0] + " (" + e.getMessage() + ")");
                    }
                }
            }
        }
        if (!gone.isEmpty()) {
            context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(gone);
        }
        for (String line : change.added()) {
            String[] f = line.split(",");
            // the start list names a bundle relative to the installation, or (in a user's area) by absolute URI
            Path jar = f[2].contains(":") ? Path.of(URI.create(f[2])) : installation.resolve(f[2]);
            try {
                Bundle b = context.installBundle("reference:" + jar.toUri());
                if (b.getHeaders().get("Fragment-Host") != null) {
                    out.add("restart Loupe to use " + f[0] + " (a fragment attaches at start)");
                    continue;
                }
                b.start(Bundle.START_ACTIVATION_POLICY);
                out.add("started " + f[0] + " " + f[1]);
            } catch (BundleException | SecurityException e) {
                out.add("restart Loupe to use " + f[0] + " (" + e.getMessage() + ")");
            }
        }
        return out;
    }
}
