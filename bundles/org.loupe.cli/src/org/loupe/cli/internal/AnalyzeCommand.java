package org.loupe.cli.internal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code loupe analyze}: data analyses; one subcommand per analysis. */
@Command(name = "analyze", mixinStandardHelpOptions = true, description = "Analyse image data sets.")
final class AnalyzeCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "analyze needs an analysis: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
