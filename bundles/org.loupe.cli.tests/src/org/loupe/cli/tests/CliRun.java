package org.loupe.cli.tests;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.loupe.cli.internal.Cli;
import org.loupe.registry.ProviderRegistry;
import org.loupe.testing.OsgiServices;

/** One run of the command line inside the test framework, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        ProviderRegistry registry = OsgiServices.await(ProviderRegistry.class);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(registry, new PrintWriter(out), new PrintWriter(err)).run(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
