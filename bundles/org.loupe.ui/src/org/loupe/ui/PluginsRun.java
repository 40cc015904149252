package org.loupe.ui;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.ui.di.UISynchronize;
import org.loupe.api.LoupeException;
import org.loupe.plugins.AvailablePlugin;
import org.loupe.plugins.InstallOptions;
import org.loupe.plugins.InstalledPlugin;
import org.loupe.plugins.PluginChange;
import org.loupe.plugins.PluginInstallation;
import org.loupe.plugins.PluginSources;
import org.loupe.plugins.RunningBundles;
import org.osgi.framework.FrameworkUtil;

/**
 * The workbench's plugin installs and uninstalls (Help > Install Plugins..., the Plugins view's Uninstall): one at a
 * time as a background job whose progress lines and outcome listeners see. After a change the new bundles are
 * started in this workbench, so their providers appear without a restart; {@link #restartNeeded()} says when that
 * was not possible.
 */
@Creatable
@Singleton
public final class PluginsRun extends BackgroundRun {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private volatile boolean restartNeeded;

    /** Created by dependency injection. */
    @Inject
    public PluginsRun(UISynchronize sync) {
        super(sync);
    }

    /** The update sites this installation knows. */
    public List<URI> sources() throws LoupeException {
        return new PluginSources(PluginInstallation.runningFolder()).list();
    }

    /** What a site offers, with signers (reads the site; call off the UI thread for remote sites). */
    public List<AvailablePlugin> available(URI site) throws LoupeException {
        try (PluginInstallation installation = open(false)) {
            return installation.available(site);
        }
    }

    /** The plugin installed from a site that brought {@code bundle}, if one did. */
    public Optional<InstalledPlugin> providing(String bundle) throws LoupeException {
        try (PluginInstallation installation = open(false)) {
            return installation.providing(bundle);
        }
    }

    /** Progress and outcome lines of the current or last change. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Whether the last change needs a restart to take full effect. */
    public boolean restartNeeded() {
        return restartNeeded;
    }

    /**
     * Installs {@code features} of {@code site} in the background; {@code trust} is the user's confirmation of
     * signers this installation does not know.
     */
    public synchronized Job install(URI site, List<String> features, boolean trust) {
        return change("Install plugins", "installing from " + site, trust, installation -> {
            PluginChange c = installation.install(site, features);
            new PluginSources(installation.folder()).add(site);
            return c;
        });
    }

    /** Uninstalls a plugin installed from a site, in the background. */
    public synchronized Job uninstall(String feature) {
        return change("Uninstall " + feature, "uninstalling " + feature, false, installation -> installation
                .uninstall(feature));
    }

    private interface Step {
        PluginChange apply(PluginInstallation installation) throws LoupeException;
    }

    private Job change(String name, String starting, boolean trust, Step step) {
        lines.clear();
        restartNeeded = false;
        return schedule(name, starting, monitor -> {
            try (PluginInstallation installation = open(trust)) {
                PluginChange c = step.apply(installation);
                List<String> done = new ArrayList<>();
                c.plugins().forEach(p -> done.add(p.id() + " " + p.version() + " (signed: " + p.signer() + ")"));
                List<String> applied = RunningBundles.apply(c, installation.folder(), FrameworkUtil.getBundle(
                        PluginsRun.class).getBundleContext());
                lines.addAll(applied);
                restartNeeded = applied.stream().anyMatch(l -> l.startsWith("restart"));
                set(State.DONE, c.isEmpty() ? "nothing to do" : String.join("; ", done)
                        + (restartNeeded ? "; restart Loupe to finish" : "; ready to use"));
            } catch (LoupeException e) {
                set(State.FAILED, e.getMessage());
            }
        });
    }

    private PluginInstallation open(boolean trust) throws LoupeException {
        return PluginInstallation.running(new InstallOptions(trust, false, false, line -> {
            lines.add(line);
            changed();
        }));
    }
}
