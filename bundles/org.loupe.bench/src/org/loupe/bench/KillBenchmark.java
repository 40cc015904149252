package org.loupe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.loupe.api.LoupeException;
import org.loupe.bench.internal.BenchFrames;
import org.loupe.image.io.AtomicFiles;

/**
 * Kill trials: {@code kill -9} of {@code loupe enhance}, {@code loupe run} and {@code loupe train} at random moments,
 * each followed by a look at what the killed process left and by the command a user would run next (the same
 * enhance with {@code --overwrite}, the same run, the same training with {@code --resume} if a checkpoint was
 * written). A trial passes if no output was partial (every output file equal to a clean run's, a model folder absent
 * or loadable) and the next command completed the work.
 *
 * @param launcher ./loupe
 * @param trials   trials per command
 * @param seed     for the kill moments
 */
public record KillBenchmark(String launcher, int trials, long seed) {

    /**
     * One trial.
     *
     * @param killedAfter seconds from start to the kill
     * @param left        what the kill left: outputs complete, temporary files, checkpoint
     * @param problem     why the trial failed, or null
     */
    public record Trial(String command, int number, double killedAfter, String left, String problem) {
        /** Whether nothing partial was left and the next command completed the work. */
        public boolean passed() {
            return problem == null;
        }
    }

    /** All trials, and the clean runs' durations the kill moments were drawn from. */
    public record Report(List<Trial> trials, Map<String, Double> cleanSeconds) {
    }

    private static final int FRAMES = 400;

    /** Runs the trials in {@code dir}; {@code progress} hears one line per trial. */
    public Report run(Path dir, Consumer<String> progress) throws IOException, InterruptedException, LoupeException {
        if (trials < 1) {
            throw LoupeException.usage("--trials must be at least 1");
        }
        Path in = BenchFrames.write(dir.resolve("in"), "f", FRAMES, 512, 1000, progress);
        Path clean = BenchFrames.write(dir.resolve("clean"), "f", 12, 64, 2000, progress);
        Path pipeline = Files.writeString(dir.resolve("median.json"), "{\"name\": \"median 5x5\", \"steps\": "
                + "[{\"enhance\": \"enhance.median\", \"params\": {\"size\": 5}}], \"output\": {\"format\": "
                + "\"png\"}}");
        Map<String, List<String>> commands = Map.of(
                "enhance", List.of(launcher, "enhance", "--with", "enhance.median", "-p", "size=5", in.toString(),
                        "--out", "OUT"),
                "run", List.of(launcher, "run", pipeline.toString(), "--input", in.toString(), "--out", "OUT"),
                "train", List.of(launcher, "train", "enhance.model", "--dataset", clean.toString(), "--out", "OUT",
                        "-p", "steps=2000", "-p", "validate=100", "-p", "batch=4", "-p", "patch=32", "-p", "depth=3",
                        "-p", "width=4", "-p", "noise=0.05", "-p", "seed=1"));
        Map<String, Double> cleanSeconds = new HashMap<>();
        Map<String, Path> reference = new HashMap<>();
        for (String c : List.of("enhance", "run", "train")) {
            Path out = dir.resolve("reference-" + c);
            AtomicFiles.deleteScratch(out);
            AtomicFiles.deleteScratch(checkpoints(out));
            long start = System.nanoTime();
            int exit = exec(with(commands.get(c), out), dir.resolve("reference-" + c + ".log"), -1);
            cleanSeconds.put(c, (System.nanoTime() - start) / 1e9);
            if (exit != 0) {
                throw new IOException("the clean " + c + " run exited " + exit + "; see " + dir.resolve("reference-"
                        + c + ".log"));
            }
            reference.put(c, out);
            progress.accept(String.format(java.util.Locale.ROOT, "clean %s: %.1f s", c, cleanSeconds.get(c)));
        }
        Random random = new Random(seed);
        List<Trial> results = new ArrayList<>();
        for (int t = 1; t <= trials; t++) {
            for (String c : List.of("enhance", "run", "train")) {
                double at = cleanSeconds.get(c) * (0.3 + 0.65 * random.nextDouble());
                Trial trial = trial(c, t, at, commands.get(c), reference.get(c), dir.resolve("trial-" + c + "-" + t));
                results.add(trial);
                progress.accept(String.format(java.util.Locale.ROOT, "%s trial %d: killed after %.1f s, %s: %s", c,
                        t, at, trial.left(), trial.passed() ? "passed" : "FAILED, " + trial.problem()));
            }
        }
        return new Report(results, cleanSeconds);
    }

    private Trial trial(String command, int number, double at, List<String> args, Path reference, Path out)
            throws IOException, InterruptedException {
        AtomicFiles.deleteScratch(out);
        AtomicFiles.deleteScratch(checkpoints(out));
        Path log = out.resolveSibling(out.getFileName() + ".log");
        exec(with(args, out), log, at);
        String left = describe(out);
        String problem = command.equals("train") ? modelProblem(out) : partial(out, reference);
        if (problem != null) {
            return new Trial(command, number, at, left, "partial output after the kill: " + problem);
        }
        List<String> next = new ArrayList<>(with(args, out));
        if (command.equals("enhance")) {
            next.add("--overwrite");
        } else if (command.equals("train") && Files.exists(checkpoints(out).resolve("checkpoint.json"))) {
            next.add("--resume");
        } else if (command.equals("train") && Files.exists(out)) {
            return new Trial(command, number, at, left, null); // the training had finished before the kill
        }
        int exit = exec(next, log, -1);
        if (exit != 0) {
            return new Trial(command, number, at, left, "the next command (" + String.join(" ", next.subList(1,
                    next.size())) + ") exited " + exit + "; see " + log);
        }
        problem = command.equals("train") ? modelProblem(out) : incomplete(out, reference);
        return new Trial(command, number, at, left, problem == null ? null : "after the next command: " + problem);
    }

    /** An image output that differs from the clean run's is partial; temporary files are not outputs. */
    private static String partial(Path out, Path reference) throws IOException {
        if (!Files.isDirectory(out)) {
            return null;
        }
        for (Path f : list(out)) {
            String n = f.getFileName().toString();
            if (n.startsWith(".loupe-") || !n.endsWith(".png")) {
                continue; // a temporary file, or the run's records (checked by the next run)
            }
            if (!Arrays.equals(Files.readAllBytes(f), Files.readAllBytes(reference.resolve(n)))) {
                return n + " differs from the clean run's";
            }
        }
        return null;
    }

    /** Every image output present and equal to the clean run's, no temporary file left. */
    private static String incomplete(Path out, Path reference) throws IOException {
        for (Path r : list(reference)) {
            String n = r.getFileName().toString();
            if (n.endsWith(".png") && !(Files.exists(out.resolve(n)) && Arrays.equals(Files.readAllBytes(r),
                    Files.readAllBytes(out.resolve(n))))) {
                return n + " missing or different";
            }
        }
        for (Path f : list(out)) {
            if (f.getFileName().toString().startsWith(".loupe-")) {
                return "temporary file " + f.getFileName() + " left";
            }
        }
        return null;
    }

    /** A model folder is absent, or complete enough that the enhancer loads and runs it. */
    private String modelProblem(Path model) throws IOException, InterruptedException {
        if (!Files.exists(model)) {
            return null;
        }
        Path probe = model.resolveSibling(model.getFileName() + ".probe");
        AtomicFiles.deleteScratch(probe);
        int exit = exec(List.of(launcher, "enhance", "--with", "enhance.model", "-p", "model=" + model,
                list(model.resolveSibling("clean")).get(0).toString(), "--out", probe.toString()),
                probe.resolveSibling(probe.getFileName() + ".log"), -1);
        return exit == 0 ? null : "model folder " + model.getFileName() + " does not load (exit " + exit + ")";
    }

    private static String describe(Path out) throws IOException {
        int outputs = 0;
        int temporary = 0;
        if (Files.isDirectory(out)) {
            for (Path f : list(out)) {
                String n = f.getFileName().toString();
                if (n.startsWith(".loupe-")) {
                    temporary++;
                } else if (n.endsWith(".png") || n.equals("loupe-model.json")) {
                    outputs++;
                }
            }
        }
        boolean checkpoint = Files.exists(checkpoints(out).resolve("checkpoint.json"));
        return outputs + " outputs, " + temporary + " temporary files" + (checkpoint ? ", a checkpoint" : "");
    }

    private static Path checkpoints(Path out) {
        return out.resolveSibling(out.getFileName() + ".checkpoints");
    }

    private static List<String> with(List<String> args, Path out) {
        return args.stream().map(a -> a.equals("OUT") ? out.toString() : a).toList();
    }

    /** Runs a command; with {@code killAt} >= 0 kills it and its descendants (SIGKILL) after that many seconds. */
    private static int exec(List<String> command, Path log, double killAt) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect
                .appendTo(log.toFile())).start();
        if (killAt < 0) {
            return p.waitFor();
        }
        if (p.waitFor(Math.round(killAt * 1000), TimeUnit.MILLISECONDS)) {
            return p.exitValue();
        }
        List<ProcessHandle> children = p.descendants().toList(); // ./loupe is a script; Java is its child
        children.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor();
        // SIGKILL is delivered, not awaited: wait until no child is left holding the output folder
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return -9;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
