package org.loupe.cli.internal;

import picocli.CommandLine.Command;

/** {@code loupe analyze}: data analyses; one subcommand per analysis. */
@Command(name = "analyze", mixinStandardHelpOptions = true, description = "Analyse image data sets.")
final class AnalyzeCommand extends CommandGroup {
}
