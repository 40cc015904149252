package org.loupe.cli.internal;

import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import org.loupe.api.LoupeException;
import org.loupe.registry.ProviderRegistry;
import picocli.CommandLine;

/**
 * Parses a command line and runs it, turning every failure into a one-line message on the error stream and the exit
 * code of the command-line contract: 0 ok, 2 usage, 3 bad input, 4 provider failure (1 for a bug in Loupe itself).
 * Independent of OSGi, so tests can run it directly.
 */
public final class Cli {

    /** Exit code for a failure that is Loupe's own fault. */
    static final int INTERNAL_ERROR = 1;

    private static final System.Logger LOG = System.getLogger("org.loupe.cli");

    private final Session session;

    /** A command line working with the given registry and streams. */
    public Cli(ProviderRegistry registry, PrintWriter out, PrintWriter err) {
        this.session = new Session(registry, out, err);
    }

    /** Runs one command and returns its exit code. */
    public int run(String... args) {
        CommandLine cl = new CommandLine(new LoupeCommand(session));
        cl.addSubcommand(new CommandLine(new PluginsCommand(session))
                .addSubcommand(new CommandLine(new PluginsInstallCommand(session)))
                .addSubcommand(new CommandLine(new PluginsUpdateCommand(session)))
                .addSubcommand(new CommandLine(new PluginsUninstallCommand(session)))
                .addSubcommand(new CommandLine(new PluginsSourcesCommand(session))));
        cl.addSubcommand(new CommandLine(new DescribeCommand(session)));
        cl.addSubcommand(new CommandLine(new EnhanceCommand(session)));
        cl.addSubcommand(new CommandLine(new MeasureCommand(session)));
        cl.addSubcommand(new CommandLine(new ConvertCommand(session)));
        cl.addSubcommand(new CommandLine(new SegmentCommand(session)));
        cl.addSubcommand(new CommandLine(new DetectCommand(session)));
        cl.addSubcommand(new CommandLine(new ClassifyCommand(session)));
        cl.addSubcommand(new CommandLine(new RunCommand(session)));
        cl.addSubcommand(new CommandLine(new TrainCommand(session)));
        cl.addSubcommand(new CommandLine(new DevicesCommand(session)));
        cl.addSubcommand(new CommandLine(new EvalCommand())
                .addSubcommand(new CommandLine(new EvalSrCommand(session)))
                .addSubcommand(new CommandLine(new EvalDetectCommand(session)))
                .addSubcommand(new CommandLine(new EvalClassifyCommand(session)))
                .addSubcommand(new CommandLine(new EvalEnhanceCommand(session)))
                .addSubcommand(new CommandLine(new EvalSegmentCommand(session)))
                .addSubcommand(new CommandLine(new EvalLesionsCommand(session))));
        cl.addSubcommand(new CommandLine(new CompareCommand())
                .addSubcommand(new CommandLine(new CompareDetectorsCommand(session)))
                .addSubcommand(new CommandLine(new CompareSegmentersCommand(session))));
        cl.addSubcommand(new CommandLine(new AnalyzeCommand())
                .addSubcommand(new CommandLine(new AnalyzeNoiseCommand(session))));
        CommandLine bench = new CommandLine(new BenchCommand())
                .addSubcommand(new CommandLine(new BenchTfCommand(session)));
        if (benchInstalled()) {
            bench.addSubcommand(new CommandLine(new BenchNumericsCommand(session)))
                    .addSubcommand(new CommandLine(new BenchEnhanceCommand(session)))
                    .addSubcommand(new CommandLine(new BenchDetectCommand(session)))
                    .addSubcommand(new CommandLine(new BenchRunCommand(session)))
                    .addSubcommand(new CommandLine(new BenchSoakCommand(session)))
                    .addSubcommand(new CommandLine(new BenchKillCommand(session)));
        }
        cl.addSubcommand(bench);
        cl.addSubcommand(new CommandLine(new DataCommand())
                .addSubcommand(new CommandLine(new DataXrayCommand(session)))
                .addSubcommand(new CommandLine(new DataWafersCommand(session)))
                .addSubcommand(new CommandLine(new DataCtLiverCommand(session)))
                .addSubcommand(new CommandLine(new DataLesionPatchesCommand(session))));
        cl.addSubcommand(new CommandLine(new DemoCommand(session)));
        cl.addSubcommand(new CommandLine(new WorkbenchCommand()));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(session.out());
        cl.setErr(session.err());
        cl.setParameterExceptionHandler((e, a) -> {
            // picocli names options as "option '--x'" inside messages that already say "option": say it once
            String message = e.getMessage().replace("option option", "option").strip();
            session.complain(message + (message.endsWith(".") ? "" : ";") + " see './loupe " + commandPath(
                    e.getCommandLine()) + "--help'");
            return LoupeException.Reason.USAGE.exitCode();
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof LoupeException le) {
                session.fail(le);
                return le.reason().exitCode();
            }
            LOG.log(Level.ERROR, "Internal error running " + String.join(" ", args), e);
            session.complain("internal error: " + e + " (details in " + Logging.logFile() + ")");
            return INTERNAL_ERROR;
        });
        try {
            ComputeEnvironment.apply(System.getenv());
        } catch (IllegalArgumentException e) {
            session.complain(e.getMessage());
            return LoupeException.Reason.USAGE.exitCode();
        }
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            // commands that know the file at fault say so themselves; this is the promise's safety net
            LOG.log(Level.ERROR, "Out of memory running " + String.join(" ", args), e);
            session.complain(Memory.notEnough());
            code = LoupeException.Reason.INPUT.exitCode();
        }
        session.out().flush();
        session.err().flush();
        return code;
    }

    /**
     * Whether the optional benchmark bundle is installed: its commands name its types, so they are offered only
     * when it resolves (without it, {@code loupe bench --help} lists what is there).
     */
    private static boolean benchInstalled() {
        try {
            Class.forName("org.loupe.bench.NumericsBenchmark", false, Cli.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** "enhance " or "eval detect " or "" for the top level: the words a user types before --help. */
    private static String commandPath(CommandLine command) {
        StringBuilder path = new StringBuilder();
        for (CommandLine c = command; c.getParent() != null; c = c.getParent()) {
            path.insert(0, c.getCommandName() + " ");
        }
        return path.toString();
    }
}
