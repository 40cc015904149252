package org.loupe.cli.internal;

import picocli.CommandLine.Command;

/** {@code loupe eval}: score a provider on a data set; one subcommand per task. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score a provider on a data set with the protocol of the published tables.")
final class EvalCommand extends CommandGroup {
}
