package org.loupe.cli.internal;

import picocli.CommandLine.Command;

/** {@code loupe compare}: providers side by side on the same data. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare providers side by side on the same data.")
final class CompareCommand extends CommandGroup {
}
