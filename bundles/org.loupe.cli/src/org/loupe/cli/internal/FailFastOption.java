package org.loupe.cli.internal;

import picocli.CommandLine.Option;

/** The {@code --fail-fast} option of the commands that work through a batch of inputs. */
final class FailFastOption {

    @Option(names = "--fail-fast", description = "Stop at the first input that fails (by default it is reported and "
            + "the others are processed; the exit code is then the worst met: 3 bad input, 4 provider failure).")
    boolean failFast;
}
