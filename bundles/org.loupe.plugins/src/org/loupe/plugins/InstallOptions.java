package org.loupe.plugins;

import java.util.function.Consumer;

/**
 * How a change may proceed: {@code trust} accepts unsigned content and unknown signers (the command line's {@code
 * --trust}, the workbench's confirmation), {@code allowInsecure} accepts plain-http sites, and {@code progress}
 * receives one line per step.
 */
public record InstallOptions(boolean trust, boolean allowInsecure, Consumer<String> progress) {

    /** Neither trust nor insecure sites, progress dropped. */
    public static InstallOptions strict() {
        return new InstallOptions(false, false, line -> { });
    }
}
