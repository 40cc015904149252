package org.loupe.cli.internal;

import picocli.CommandLine.Option;

/** The {@code --no-fallback} option of the commands that run a detector chosen by the user. */
final class FallbackOption {

    @Option(names = "--no-fallback", description = "Stop with exit 4 when the detector cannot run (missing or corrupt "
            + "model, missing native library or device) instead of detecting with detect.classic after a warning.")
    boolean noFallback;
}
