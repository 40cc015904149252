package org.loupe.cli.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.loupe.bench.KillBenchmark;
import org.loupe.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loupe bench kill}: the {@link KillBenchmark}'s trials, one row each; exit 1 if any failed. */
@Command(name = "kill", mixinStandardHelpOptions = true,
        description = "kill -9 of loupe enhance, run and train at random moments: no partial output, and the next "
                + "command (--overwrite, the same run, --resume) completes the work.")
final class BenchKillCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "20", description = "Trials per command (default: "
            + "${DEFAULT-VALUE}).")
    private int trials;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the kill moments "
            + "(default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--work", paramLabel = "DIR", description = "Scratch folder, kept (default: a new temporary "
            + "one, deleted afterwards).")
    private Path work;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    BenchKillCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        String launcher = BenchWork.launcher("bench kill");
        KillBenchmark.Report r = BenchWork.in(work, "loupe-bench-kill", dir -> new KillBenchmark(launcher, trials,
                seed).run(dir, m -> session.complain("bench kill: " + m)));
        long failed = r.trials().stream().filter(t -> !t.passed()).count();
        if (json) {
            session.out().println(Json.GSON.toJson(r));
        } else {
            TextTable t = new TextTable("COMMAND", "TRIAL", "KILLED AFTER S", "LEFT BY THE KILL", "RESULT");
            for (KillBenchmark.Trial x : r.trials()) {
                t.row(x.command(), x.number(), String.format(Locale.ROOT, "%.1f", x.killedAfter()), x.left(),
                        x.passed() ? "passed" : x.problem());
            }
            t.print(session.out());
            session.out().printf(Locale.ROOT, "%d of %d trials passed%n", r.trials().size() - failed,
                    r.trials().size());
        }
        return failed == 0 ? 0 : 1;
    }
}
