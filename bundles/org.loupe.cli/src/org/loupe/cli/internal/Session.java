package org.loupe.cli.internal;

import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import org.loupe.api.LoupeException;
import org.loupe.image.io.ReadOptions;
import org.loupe.registry.ProviderRegistry;

/**
 * What every command works with: the provider registry, the output streams (results on {@code out}, messages on
 * {@code err}) and the read limits from the global options.
 */
final class Session {

    private static final System.Logger LOG = System.getLogger("org.loupe.cli");

    private final ProviderRegistry registry;
    private final PrintWriter out;
    private final PrintWriter err;
    private ReadOptions readOptions = ReadOptions.defaults();

    Session(ProviderRegistry registry, PrintWriter out, PrintWriter err) {
        this.registry = registry;
        this.out = out;
        this.err = err;
    }

    ProviderRegistry registry() {
        return registry;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    ReadOptions readOptions() {
        return readOptions;
    }

    void readOptions(ReadOptions value) {
        this.readOptions = value;
    }

    /**
     * Prints a one-line message to the error stream, prefixed so it reads well in scripts' logs. Control characters
     * (from file names or file headers) are escaped, so that a message can neither break the line nor send
     * escape sequences to the terminal.
     */
    void complain(String message) {
        err.println("loupe: " + Printable.of(OptionHints.of(message)));
        err.flush();
    }

    /** Reports a failure in one line and keeps its details, stack trace included, in the log file. */
    void fail(LoupeException e) {
        LOG.log(Level.WARNING, e.reason() + ": " + e.getMessage(), e);
        complain(e.getMessage());
    }
}
