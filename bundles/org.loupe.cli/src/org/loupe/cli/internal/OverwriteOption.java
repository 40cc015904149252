package org.loupe.cli.internal;

import picocli.CommandLine.Option;

/** The {@code --overwrite} option of the commands that write files: earlier outputs are replaced only on request. */
final class OverwriteOption {

    @Option(names = "--overwrite", description = "Replace files that already exist where outputs go (never an "
            + "input of the run).")
    boolean overwrite;
}
