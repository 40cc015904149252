package org.loupe.cli.internal;

import java.io.PrintWriter;
import org.loupe.image.io.ReadOptions;
import org.loupe.registry.ProviderRegistry;

/**
 * What every command works with: the provider registry, the output streams (results on {@code out}, messages on
 * {@code err}) and the read limits from the global options.
 */
final class Session {

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

    /** Prints a one-line message to the error stream, prefixed so it reads well in scripts' logs. */
    void complain(String message) {
        err.println("loupe: " + message);
        err.flush();
    }
}
