package org.loupe.cli.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.ParameterSpec;
import org.loupe.api.ProviderDescriptor;
import org.loupe.api.ProviderKind;
import org.loupe.image.ImageType;
import org.loupe.registry.ModelRecords;
import org.loupe.registry.ProviderStatus;
import org.loupe.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loupe describe ID}: one provider in full, including the parameters it accepts (this activates it). */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Show one provider in full, with the parameters it accepts.")
final class DescribeCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(paramLabel = "ID", description = "Provider id, as listed by 'loupe plugins'.")
    private String id;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "Which provider, when several kinds share the id (e.g. an enhancer and its trainer).")
    private ProviderKind kind;

    DescribeCommand(Session session) {
        this.session = session;
    }

    private List<ProviderStatus> withId() {
        return session.registry().providers().stream().filter(s -> s.descriptor().id().equals(id))
                .filter(s -> kind == null || s.descriptor().kind() == kind).toList();
    }

    private ProviderStatus status() throws LoupeException {
        return withId().stream().findFirst().orElseThrow(() -> LoupeException.provider(id, "is not installed"
                + (kind == null ? "" : " as " + kind.label()) + " (see 'loupe plugins')", null));
    }

    @Override
    public Integer call() throws LoupeException {
        ProviderDescriptor d = status().descriptor();
        List<ParameterSpec> specs = session.registry().provider(id, d.kind().serviceType())
                .call(LoupeService::parameters);
        if (json) {
            // read the status again: asking for the parameters has just activated the provider
            Map<String, Object> m = new LinkedHashMap<>(Json.provider(status()));
            m.put("parameters", Json.parameters(specs));
            m.put("trainingRecord", ModelRecords.of(d));
            session.out().println(Json.GSON.toJson(m));
            return 0;
        }
        var out = session.out();
        out.println(d.id() + " " + d.version() + " (" + d.kind().label() + "): " + d.name());
        if (!d.description().isEmpty()) {
            out.println("  " + d.description());
        }
        out.println("  inputs:      " + (d.inputTypes().isEmpty() ? "any"
                : d.inputTypes().stream().map(ImageType::toString).collect(Collectors.joining(", "))));
        out.println("  accelerator: " + d.accelerator());
        if (!d.model().isEmpty()) {
            out.println("  model:       " + d.model());
        }
        session.registry().providers().stream().filter(s -> s.descriptor().id().equals(id))
                .map(s -> s.descriptor().kind()).filter(k -> k != d.kind()).distinct().forEach(k ->
                out.println("  also:        " + (k.label().matches("[aeiou].*") ? "an " : "a ") + k.label()
                        + " (loupe describe " + id + " --kind " + k.label()
                        + ")"));
        out.println("  bundle:      " + d.bundle() + " " + d.bundleVersion());
        if (specs.isEmpty()) {
            out.println("  parameters:  none");
        } else {
            out.println("  parameters (--param KEY=VALUE):");
            TextTable table = new TextTable("    KEY", "TYPE", "DEFAULT", "RANGE", "DESCRIPTION");
            specs.forEach(s -> table.row("    " + s.key(), s.type().name().toLowerCase(), s.defaultValue(),
                    s.range(), s.description()));
            table.print(out);
        }
        List<String> record = ModelRecords.of(d);
        if (!record.isEmpty()) {
            out.println("  training record (from the shipped model's files):");
            record.forEach(line -> out.println("    " + line));
        }
        return 0;
    }
}
