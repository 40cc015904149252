package org.loupe.cli.internal;

import org.loupe.image.io.ReadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code loupe} command: global options and the list of subcommands. */
@Command(name = "loupe", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Image-based inspection: enhance, detect, classify and measure images with pluggable providers.",
        footer = {"", "Exit codes: 0 ok, 2 usage error, 3 bad input, 4 provider failure."})
final class LoupeCommand implements Runnable {

    private final Session session;

    @Spec
    private CommandSpec spec;

    LoupeCommand(Session session) {
        this.session = session;
    }

    @Option(names = "--max-pixels", paramLabel = "N", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Refuse images larger than N pixels, checked from the file header (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + ReadOptions.DEFAULT_MAX_PIXELS)
    void maxPixels(long value) {
        if (value <= 0) {
            throw new ParameterException(spec.commandLine(), "--max-pixels must be positive, got " + value);
        }
        session.readOptions(new ReadOptions(value));
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is needed: " + String.join(", ",
                spec.subcommands().keySet()));
    }
}
