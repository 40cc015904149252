package org.loupe.cli.internal;

import picocli.CommandLine.Command;

/** {@code loupe bench}: benchmarks reported as ratios against reference implementations run alongside. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: Loupe against reference implementations, timed in the same run.")
final class BenchCommand extends CommandGroup {
}
