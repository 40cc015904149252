package org.loupe.cli.internal;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.loupe.api.LoupeException;
import org.loupe.api.ProviderKind;
import org.loupe.image.ImageType;
import org.loupe.plugins.InstallOptions;
import org.loupe.plugins.InstalledPlugin;
import org.loupe.plugins.PluginInstallation;
import org.loupe.registry.ProviderStatus;
import org.loupe.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loupe plugins}: every discovered provider with its metadata and health, without activating any. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List every installed provider: id, kind, name, version, input types, accelerator, bundle, "
                + "health; then the compute devices (see 'loupe devices'). No provider is loaded or run to list them. "
                + "With --installed: the installed plugins (features) with origin, version and signer. Subcommands "
                + "install, update, uninstall and sources change them.")
final class PluginsCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    private boolean json;

    @Option(names = "--installed", description = "List installed plugins (features): origin, version, signer.")
    private boolean installed;

    @Option(names = "--kind", paramLabel = "KIND", description = "Only this kind: ${COMPLETION-CANDIDATES}.")
    private ProviderKind kind;

    PluginsCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        if (installed) {
            return installed();
        }
        List<ProviderStatus> providers = kind == null ? session.registry().providers()
                : session.registry().providers(kind);
        if (json) {
            session.out().println(Json.GSON.toJson(providers.stream().map(Json::provider).toList()));
            return 0;
        }
        TextTable table = new TextTable("ID", "KIND", "VERSION", "MODEL", "ACCELERATOR", "HEALTH", "INPUTS", "BUNDLE",
                "NAME");
        for (ProviderStatus s : providers) {
            var d = s.descriptor();
            String inputs = d.inputTypes().isEmpty() ? "any"
                    : d.inputTypes().stream().map(ImageType::toString).collect(Collectors.joining(","));
            // fractions of a second make the column wide and tell nobody anything; describe shows them
            String model = d.model().isEmpty() ? "-" : d.model().replaceAll("\\.\\d+Z", "Z");
            table.row(d.id(), d.kind().label(), d.version(), model, d.accelerator().name(),
                    s.health().name() + (s.failure().isEmpty() ? "" : " (" + s.failure() + ")"), inputs, d.bundle(),
                    d.name());
        }
        table.print(session.out());
        session.out().println(providers.size() + " provider" + (providers.size() == 1 ? "" : "s"));
        DevicesCommand.summary(session.registry().backends()).forEach(session.out()::println);
        return 0;
    }

    private int installed() throws LoupeException {
        List<InstalledPlugin> all;
        // what this user runs: their own area when they have one
        InstallOptions view = new InstallOptions(false, false, PluginInstallation.hasUserArea(), line -> { });
        try (PluginInstallation installation = PluginInstallation.running(view)) {
            all = installation.installed();
        }
        if (json) {
            session.out().println(Json.GSON.toJson(all));
            return 0;
        }
        TextTable table = new TextTable("ID", "VERSION", "ORIGIN", "SIGNER", "NAME");
        all.forEach(p -> table.row(p.id(), p.version(), p.origin(), p.signer(), p.name()));
        table.print(session.out());
        return 0;
    }
}
