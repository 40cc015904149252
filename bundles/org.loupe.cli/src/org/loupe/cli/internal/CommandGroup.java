package org.loupe.cli.internal;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands ({@code eval sr}, {@code bench numerics}): run alone, it names them. */
abstract class CommandGroup implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), spec.name() + " needs one of: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
