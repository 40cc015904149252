package org.loupe.cli.internal;

import java.net.URI;
import java.util.concurrent.Callable;
import org.loupe.api.LoupeException;
import org.loupe.plugins.PluginInstallation;
import org.loupe.plugins.PluginSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code loupe plugins sources [add|remove URL]}: the update sites this installation knows. */
@Command(name = "sources", mixinStandardHelpOptions = true,
        description = "List the update sites 'loupe plugins update' searches, or add or remove one.")
final class PluginsSourcesCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", arity = "0..1", paramLabel = "add|remove", description = "What to do; list if absent.")
    private String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "URL", description = "The site (URL, folder or .zip).")
    private String url;

    PluginsSourcesCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        PluginSources sources = new PluginSources(PluginInstallation.runningFolder());
        if (action == null) {
            sources.list().forEach(session.out()::println);
            return 0;
        }
        if (url == null || !(action.equals("add") || action.equals("remove"))) {
            throw LoupeException.usage("plugins sources takes 'add URL' or 'remove URL'");
        }
        URI site = PluginSources.parse(url);
        boolean changed = action.equals("add") ? sources.add(site) : sources.remove(site);
        session.out().println((changed ? action.equals("add") ? "added " : "removed " : action.equals("add")
                ? "already there: " : "not there: ") + site);
        return 0;
    }
}
