package org.loupe.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.ModelTrainer;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.TrainingRequest;
import org.loupe.api.TrainingResult;
import org.loupe.pipeline.OutputPlan;
import org.loupe.registry.ProviderHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loupe train}: runs a trainer on a dataset, printing progress live, and writes the model folder atomically.
 * The dataset is only read; an existing model at the output is replaced only once the new one is complete.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model with a trainer (see 'loupe plugins --kind trainer') and write it as a model "
                + "folder; progress is printed as a live table with the time left.")
final class TrainCommand implements Callable<Integer> {

    private final Session session;

    @picocli.CommandLine.Parameters(index = "0", paramLabel = "ID", description = "Trainer id.")
    private String id;

    @Option(names = "--dataset", required = true, paramLabel = "PATH",
            description = "Training data (its layout: 'loupe describe ID').")
    private Path dataset;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model folder to write.")
    private Path out;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
            description = "A training setting (see 'loupe describe ID'); repeatable.")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--checkpoints", paramLabel = "DIR",
            description = "Checkpoint folder (default: beside the output, named OUT.checkpoints).")
    private Path checkpoints;

    @Option(names = "--resume", description = "Continue from the last checkpoint of an interrupted run.")
    private boolean resume;

    @Option(names = "--json", description = "Print one JSON object per progress event, then the result.")
    private boolean json;

    @Mixin
    private OverwriteOption overwrite;

    TrainCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        ProviderHandle<ModelTrainer> trainer = session.registry().provider(id, ModelTrainer.class);
        Parameters parameters = Parameters.bind(trainer.call(LoupeService::parameters), params);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw LoupeException.badInput(out.toString(), "exists and is not a model folder; refusing to replace it");
        }
        if (!resume && !overwrite.overwrite && !OutputPlan.isEmptyOrAbsent(out)) {
            throw LoupeException.usage(out + " already exists and is not empty; refusing to replace it (--overwrite "
                    + "replaces it, --resume continues an interrupted training)");
        }
        TrainingRequest request = new TrainingRequest(dataset, out, checkpoints, resume,
                new TrainingProgress(session.out(), json));
        if (!json) {
            session.out().printf("training %s on %s (%s)%n", id, dataset, parameters.asText());
            session.out().flush();
        }
        TrainingResult r = trainer.call(t -> t.train(request, ProcessingContext.of(parameters)));
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trainer", id);
            m.put("model", r.model().toString());
            m.put("steps", r.steps());
            m.put("seconds", r.elapsed().toMillis() / 1000.0);
            m.put("stoppedEarly", r.stoppedEarly());
            m.put("scores", new TreeMap<>(r.scores()));
            session.out().println(Json.LINE.toJson(m));
        } else {
            session.out().printf("wrote %s: %d steps in %s%s%n", r.model(), r.steps(),
                    TrainingProgress.clock(r.elapsed()), r.stoppedEarly() ? " (stopped early)" : "");
            new TreeMap<>(r.scores()).forEach((k, v) -> session.out().printf("  %s: %.4f%n", k, v));
            if (Files.isDirectory(request.checkpoints())) {
                session.out().println("checkpoints in " + request.checkpoints() + " (--resume continues from there)");
            }
        }
        return 0;
    }
}
