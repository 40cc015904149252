package org.loupe.cli.internal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code loupe eval}: score a provider on a data set; one subcommand per task. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score a provider on a data set with the protocol of the published tables.")
final class EvalCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "eval needs a task: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
