package org.loupe.plugins;

import java.util.function.Consumer;

/**
 * How a change may proceed: {@code trust} accepts unsigned content and unknown signers (the command line's {@code
 * --trust}, the workbench's confirmation), {@code allowInsecure} accepts plain-http sites, {@code user} installs for
 * this user only (into the area the launcher names in {@code loupe.user.area}; also what happens when the product
 * folder is read-only), and {@code progress} receives one line per step.
 */
public record InstallOptions(boolean trust, boolean allowInsecure, boolean user, Consumer<String> progress) {

    /** Neither trust nor insecure sites, for the installation as a whole, progress dropped. */
    public static InstallOptions strict() {
        return new InstallOptions(false, false, false, line -> { });
    }
}
