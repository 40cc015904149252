package org.loupe.cli.internal;

import org.loupe.api.LoupeException;
import org.loupe.plugins.InstallOptions;
import org.loupe.plugins.PluginInstallation;
import picocli.CommandLine.Option;

/** The options every change to the installed plugins takes, and the installation they apply to. */
final class PluginsOptions {

    @Option(names = "--trust", description = "Accept unsigned content and signers this installation does not know.")
    boolean trust;

    @Option(names = "--allow-insecure", description = "Accept plain-http update sites.")
    boolean allowInsecure;

    @Option(names = "--user", description = "Change this user's plugins only (LOUPE_HOME), not the installation's; "
            + "what happens anyway when the installation folder is read-only.")
    boolean user;

    /** The installation this Loupe runs from, reporting progress on the error stream. */
    PluginInstallation open(Session session) throws LoupeException {
        InstallOptions options = new InstallOptions(trust, allowInsecure, user, line -> {
            session.err().println("  " + Printable.of(line));
            session.err().flush();
        });
        return PluginInstallation.running(options);
    }
}
