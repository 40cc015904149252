package org.loupe.cli.internal;

import java.util.concurrent.Callable;
import org.loupe.api.LoupeException;
import org.loupe.plugins.InstalledPlugin;
import org.loupe.plugins.PluginInstallation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code loupe plugins uninstall ID}: removes a plugin installed from a site. */
@Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = "Remove a plugin installed with 'loupe plugins install'. Takes effect when Loupe next starts.")
final class PluginsUninstallCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", paramLabel = "ID", description = "The plugin's feature id ('loupe plugins --installed').")
    private String id;

    @Mixin
    private PluginsOptions options;

    PluginsUninstallCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        try (PluginInstallation installation = options.open(session)) {
            InstalledPlugin gone = installation.uninstall(id).plugins().get(0);
            session.out().println("uninstalled " + gone.id() + " " + gone.version());
        }
        return 0;
    }
}
