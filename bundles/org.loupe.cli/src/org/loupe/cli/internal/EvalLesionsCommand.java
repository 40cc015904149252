package org.loupe.cli.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.loupe.api.DefectClassifier;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.metrics.classification.ConfusionMatrix;
import org.loupe.pipeline.BatchPolicy;
import org.loupe.pipeline.evaluation.LesionEvaluation;
import org.loupe.pipeline.evaluation.LesionOperatingPoints;
import org.loupe.pipeline.liver.LiverFindings;
import org.loupe.registry.ProviderHandle;
import org.loupe.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code loupe eval lesions}: the liver lesion chain scored on CT liver phantoms ({@link LesionEvaluation}). */
@Command(name = "lesions", mixinStandardHelpOptions = true,
        description = "Run liver segmentation, lesion candidates and a lesion classifier on every case of a "
                + "'loupe data ct-liver' set and score them: candidate confusion matrix, tumour sensitivity per "
                + "size band, specificity and false tumour calls per case, and the same figures at each threshold "
                + "on the probability of tumour (the operating points to choose from on validation cases).")
final class EvalLesionsCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "A CT liver phantom set.")
    private Path dataset;

    @Option(names = "--with", paramLabel = "ID", defaultValue = "classify.liver.lesion", description = "The lesion "
            + "classifier (default ${DEFAULT-VALUE}).")
    private String id;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE", description = "A parameter of the classifier.")
    private Map<String, String> params = new LinkedHashMap<>();

    @Mixin
    private LiverStagesOptions stages;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Mixin
    private FailFastOption failFast;

    EvalLesionsCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        ProviderHandle<DefectClassifier> c = session.registry().provider(id, DefectClassifier.class);
        LiverFindings.Stages before = stages.stages(session);
        Parameters bound = Parameters.bind(c.call(LoupeService::parameters), params);
        BatchPolicy policy = new BatchPolicy(failFast.failFast, session::fail);
        ProgressLines progress = new ProgressLines(session.err(), "eval lesions");
        LesionEvaluation e = LesionEvaluation.run(before, c, dataset, policy, session.readOptions(),
                ProcessingContext.builder().parameters(bound).onProgress(progress).build());
        ConfusionMatrix m = e.candidateMatrix();
        List<LesionOperatingPoints.Point> points = LesionOperatingPoints.of(e, LesionOperatingPoints.THRESHOLDS);
        double[] b = LesionEvaluation.BANDS;
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("classifier", id);
            o.put("parameters", bound.asText());
            o.put("stages", before.describe());
            o.put("cases", e.cases());
            Map<String, Object> band = new LinkedHashMap<>();
            for (int i = 0; i + 1 < b.length; i++) {
                band.put(String.format(Locale.ROOT, "%.0f-%.0f", b[i], b[i + 1]), Map.of("tumours",
                        e.tumours(b[i], b[i + 1]), "sensitivity", e.tumourSensitivity(b[i], b[i + 1])));
            }
            o.put("tumourSensitivityBySizeMm", band);
            o.put("tumourSensitivityFrom10Mm", e.tumourSensitivity(10, Double.MAX_VALUE));
            o.put("specificity", e.specificity());
            o.put("cystSensitivity", e.cystSensitivity());
            o.put("falseTumoursPerCase", e.falseTumoursPerCase());
            o.put("candidateAccuracy", m.accuracy());
            Map<String, Object> matrix = new LinkedHashMap<>();
            for (String a : m.labels()) {
                Map<String, Long> row = new LinkedHashMap<>();
                m.labels().forEach(p -> row.put(p, m.count(a, p)));
                matrix.put(a, row);
            }
            o.put("candidateMatrix", matrix);
            o.put("operatingPoints", points);
            o.put("lesions", e.lesions());
            o.put("candidates", e.candidates());
            o.put("failures", policy.failures());
            session.out().println(Json.GSON.toJson(o));
            return policy.exitCode();
        }
        session.out().printf(Locale.ROOT, "%s (%s) after %s on %d cases of %s: %d candidates, %d lesions%n", id,
                bound.asText(), before.describe(), e.cases(), dataset, e.candidates().size(), e.lesions().size());
        TextTable t = new TextTable("CANDIDATES: TRUTH \\ CALLED", "TUMOUR", "CYST", "NORMAL", "SENSITIVITY",
                "SPECIFICITY", "PRECISION", "F1");
        for (String a : m.labels()) {
            t.row(a, m.count(a, "tumour"), m.count(a, "cyst"), m.count(a, "normal"), f(m.sensitivity(a)),
                    f(m.specificity(a)), f(m.precision(a)), f(m.f1(a)));
        }
        t.print(session.out());
        session.out().printf(Locale.ROOT, "candidate accuracy %s%n", f(m.accuracy()));
        TextTable l = new TextTable("LESIONS", "COUNT", "CALLED RIGHT");
        for (int i = 0; i + 1 < b.length; i++) {
            l.row(String.format(Locale.ROOT, "tumours %.0f-%.0f mm", b[i], b[i + 1]), e.tumours(b[i], b[i + 1]),
                    f(e.tumourSensitivity(b[i], b[i + 1])));
        }
        l.row("tumours >= 10 mm", e.tumours(10, Double.MAX_VALUE), f(e.tumourSensitivity(10, Double.MAX_VALUE)));
        l.row("cysts", e.lesions().stream().filter(r -> r.truth().equals("cyst")).count(), f(e.cystSensitivity()));
        l.print(session.out());
        session.out().printf(Locale.ROOT, "specificity for tumour (cysts and candidates that are no lesion) %s; "
                + "false tumour calls per case %.2f%n", f(e.specificity()), e.falseTumoursPerCase());
        if (!points.isEmpty()) {
            TextTable op = new TextTable("IF TUMOUR FROM p(tumour) >=", "SENSITIVITY >= 10 mm", "SENSITIVITY",
                    "SPECIFICITY", "FALSE TUMOURS / CASE");
            points.forEach(x -> op.row(String.format(Locale.ROOT, "%.2f", x.threshold()), f(x.sensitivityFrom10Mm()),
                    f(x.sensitivity()), f(x.specificity()), String.format(Locale.ROOT, "%.2f",
                            x.falseTumoursPerCase())));
            op.print(session.out());
        }
        List<String> failed = e.unscored();
        if (!failed.isEmpty()) {
            session.out().println("not scored: " + String.join(", ", failed));
        }
        return policy.exitCode();
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
