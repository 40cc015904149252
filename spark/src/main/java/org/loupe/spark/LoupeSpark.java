package org.loupe.spark;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.SparkException;

/**
 * The Spark host's entry point: {@code submit} runs a pipeline file on a Spark master ({@link SubmitCommand}),
 * {@code bench} measures it on a standalone cluster started on this machine ({@link BenchCommand}). The same main
 * class serves {@code loupe spark ...} and a plain {@code spark-submit --class org.loupe.spark.LoupeSpark}.
 */
public final class LoupeSpark {

    private LoupeSpark() {
    }

    /** Runs a subcommand and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /** Runs a subcommand; its exit code (0 ok, 2 usage, 3 bad inputs, 4 provider or executor failures). */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        String usage = "usage: loupe spark submit PIPELINE.json [--input DIR|GLOB|LIST|TABLE]... --out DIR "
                + "[--master local[2]|spark://HOST:PORT] [options] (loupe spark submit --help)\n"
                + "       loupe bench spark [--images N] [--workers N] (loupe bench spark --help)";
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            (args.isEmpty() ? err : out).println(usage);
            return args.isEmpty() ? 2 : 0;
        }
        try {
            return switch (args.get(0)) {
                case "submit" -> new SubmitCommand(out, err).run(args.subList(1, args.size()));
                case "bench" -> new BenchCommand(out, err).run(args.subList(1, args.size()));
                default -> throw new SubmitFailure(2, "unknown command '" + args.get(0) + "'\n" + usage);
            };
        } catch (SubmitFailure e) {
            err.println("loupe spark: " + e.getMessage());
            return e.exit();
        } catch (Exception e) {
            if (!(e instanceof SparkException)) {
                throw e;
            }
            // a job Spark gave up on (a task failed on every attempt): its first line says which and why
            err.println("loupe spark: the Spark job failed: " + e.getMessage().lines().findFirst().orElse(""));
            return 4;
        }
    }
}
