package org.loupe.cli.internal;

import picocli.CommandLine.Command;

/** {@code loupe data}: makes data sets; one subcommand per kind. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Make data sets (simulations).")
final class DataCommand extends CommandGroup {
}
