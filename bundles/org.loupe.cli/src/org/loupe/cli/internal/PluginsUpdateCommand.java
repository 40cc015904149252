package org.loupe.cli.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.loupe.api.LoupeException;
import org.loupe.plugins.InstalledPlugin;
import org.loupe.plugins.PluginInstallation;
import org.loupe.plugins.PluginSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code loupe plugins update [ID]}: updates installed plugins from their sites. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Update one installed plugin, or all, to the newest version on its own site or any configured "
                + "source ('loupe plugins sources').")
final class PluginsUpdateCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "The plugin (feature id); all if absent.")
    private String id;

    @Mixin
    private PluginsOptions options;

    PluginsUpdateCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        try (PluginInstallation installation = options.open(session)) {
            List<InstalledPlugin> done = installation.update(Optional.ofNullable(id),
                    new PluginSources(installation.folder()).list()).plugins();
            if (done.isEmpty()) {
                session.out().println("nothing to update: " + (id == null ? "every plugin is" : id + " is")
                        + " at the newest version offered");
            }
            for (InstalledPlugin p : done) {
                session.out().println("updated " + p.id() + " to " + p.version() + " from " + p.origin() + " (signed: "
                        + p.signer() + ")");
            }
        }
        return 0;
    }
}
