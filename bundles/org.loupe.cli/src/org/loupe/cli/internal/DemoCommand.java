package org.loupe.cli.internal;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.loupe.api.LoupeException;
import org.loupe.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loupe demo}: runs the {@link Demo} on the bundled sample images into a report folder. A provider that fails
 * is shown as failed in the report and makes the exit code 4.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run every enhancer on the bundled sample images and write an HTML report.")
final class DemoCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "loupe-demo",
            description = "Report folder (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--json", description = "Also print the results as JSON on standard output.")
    private boolean json;

    @Mixin
    private OverwriteOption overwrite;

    DemoCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        Demo demo = new Demo(session.registry(), session.readOptions(), session::fail,
                n -> session.complain("note: " + n));
        demo.checkOut(out, overwrite.overwrite);
        Demo.Outcome o = demo.run(out);
        session.err().println("Wrote " + o.index() + " (" + (o.results().size() - o.failures()) + " results, "
                + o.failures() + " failures; PCB section: " + o.pcb() + " boards and patches)");
        if (json) {
            session.out().println(Json.GSON.toJson(o.results()));
        } else {
            session.out().println(o.index());
        }
        return o.exitCode();
    }
}
