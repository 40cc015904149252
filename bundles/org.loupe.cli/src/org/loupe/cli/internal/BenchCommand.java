package org.loupe.cli.internal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code loupe bench}: benchmarks reported as ratios against reference implementations run alongside. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: Loupe against reference implementations, timed in the same run.")
final class BenchCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "bench needs a suite: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
