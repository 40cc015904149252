package org.loupe.cli.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.loupe.api.LoupeException;
import org.loupe.plugins.InstalledPlugin;
import org.loupe.plugins.PluginInstallation;
import org.loupe.plugins.PluginSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loupe plugins install SOURCE}: installs plugins from an update site with p2. */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = "Install plugins from an update site (a URL, a folder or a zipped site): every feature it "
                + "offers, or those named by --feature. Refused in one line, with nothing changed, when a plugin "
                + "needs what this Loupe does not have or is not signed by a known key (see --trust). Takes effect "
                + "when Loupe next starts.")
final class PluginsInstallCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "Update site: https:// or file: URL, folder or .zip.")
    private String source;

    @Option(names = "--feature", paramLabel = "ID", description = "Install only this feature (repeatable).")
    private List<String> features = new ArrayList<>();

    @Mixin
    private PluginsOptions options;

    PluginsInstallCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        URI site = PluginSources.parse(source);
        try (PluginInstallation installation = options.open(session)) {
            List<InstalledPlugin> done = installation.install(site, features).plugins();
            if (done.isEmpty()) {
                session.out().println("nothing to install: already installed");
            }
            for (InstalledPlugin p : done) {
                session.out().println("installed " + p.id() + " " + p.version() + " from " + p.origin() + " (signed: "
                        + p.signer() + ")");
            }
            new PluginSources(installation.folder()).add(site);
        }
        return 0;
    }
}
