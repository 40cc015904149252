package org.loupe.detect.classic.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.loupe.api.LoupeBuild;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeProvider;
import org.loupe.api.ModelTrainer;
import org.loupe.api.ParameterSpec;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderDescriptor;
import org.loupe.api.TrainingEvent;
import org.loupe.api.TrainingRequest;
import org.loupe.api.TrainingResult;
import org.loupe.data.deeppcb.DeepPcbSplit;
import org.loupe.data.detection.AnnotatedImageFile;
import org.loupe.data.detection.DetectionDatasets;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.metrics.detection.AnnotatedImage;
import org.loupe.metrics.detection.ApInterpolation;
import org.loupe.metrics.detection.Counts;
import org.loupe.metrics.detection.DetectionEvaluation;
import org.loupe.metrics.detection.GroundTruth;
import org.loupe.metrics.detection.Iou;
import org.loupe.metrics.detection.MatchRule;
import org.osgi.service.component.annotations.Component;

/**
 * Trains {@code detect.classic} as the course module tunes its classical detector: a grid search over blur and
 * threshold. For each grid point the shape tree is fitted on the regions of the training part (each labelled by the
 * annotated defect its box overlaps, or as no defect), then the detector is scored on the validation part by F1
 * (same class, IoU at least 0.5); the best point is saved as a model folder. The test part is never looked at.
 */
@Component(service = ModelTrainer.class)
@LoupeProvider(id = "detect.classic", name = "Classical detector trainer", version = "1.0.0",
        description = "Grid search of blur and threshold by validation F1, with a shape tree fitted on the training "
                + "part; COCO, YOLO or DeepPCB folders.")
public final class ClassicTrainer implements ModelTrainer {

    /** A region counts as a defect's when their boxes overlap at least this much. */
    static final double LABEL_IOU = 0.3;

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.text("blur", "1,3,5", "Blur sizes to try (odd, comma-separated)."),
            ParameterSpec.text("threshold", "12,16,20,30", "Thresholds to try (8-bit grey levels, comma-separated)."),
            ParameterSpec.integer("min-area", 6, 1, 1_000_000, 1, "Smallest region, in pixels."),
            ParameterSpec.bool("object", true, "Look only inside the bright object on a dark stage (a wafer)."),
            ParameterSpec.integer("edge", 6, 0, 1000, 1, "Rim of the object left out, in pixels."),
            ParameterSpec.text("list", "trainval.txt", "For a DeepPCB folder: its list of pairs."),
            ParameterSpec.text("name", "", "Model name (default: detect.classic)."));

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public TrainingResult train(TrainingRequest request, ProcessingContext ctx) throws LoupeException {
        Parameters p = ctx.parameters();
        List<Integer> blurs = list(p, "blur", 1, 31, true);
        List<Integer> thresholds = list(p, "threshold", 1, 255, false);
        List<AnnotatedImageFile> all = TrainingData.read(request.dataset(), p.getString("list"));
        List<Loaded> train = load(DeepPcbSplit.part(all, DeepPcbSplit.Part.TRAINING), ctx);
        List<Loaded> validation = load(DeepPcbSplit.part(all, DeepPcbSplit.Part.VALIDATION), ctx);
        if (train.isEmpty() || validation.isEmpty()) {
            throw LoupeException.badInput(request.dataset().toString(), "has " + all.size() + " images: too few for "
                    + "a training and a validation part (10 at least)");
        }
        TreeSet<String> classes = new TreeSet<>();
        train.forEach(l -> l.file.truth().forEach(g -> classes.add(g.label())));
        Instant start = Instant.now();
        int points = blurs.size() * thresholds.size();
        ClassicModel best = null;
        Counts bestCounts = null;
        List<Map<String, Object>> grid = new ArrayList<>();
        for (int blur : blurs) {
            for (int threshold : thresholds) {
                ctx.checkCancelled();
                ClassicModel.Settings s = new ClassicModel.Settings(blur, threshold, p.getInt("min-area"),
                        p.getBoolean("object"), p.getInt("edge"));
                ClassicModel m = new ClassicModel(name(p), Instant.now().toString(), "classic",
                        List.copyOf(classes), s, fitTree(train, s), Map.of(), Map.of());
                Counts c = score(m, validation);
                grid.add(Map.of("blur", blur, "threshold", threshold, "validationF1", f1(c)));
                if (best == null || f1(c) > f1(bestCounts)) {
                    best = m;
                    bestCounts = c;
                }
                Duration elapsed = Duration.between(start, Instant.now());
                request.events().accept(new TrainingEvent(grid.size(), grid.size(), points, 0, elapsed,
                        1 - f1(c), Double.NaN, Double.NaN, 1 - f1(c)));
                ctx.progress((double) grid.size() / points, "blur " + blur + ", threshold " + threshold + ": F1 "
                        + String.format(Locale.ROOT, "%.3f", f1(c)));
            }
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("validation F1 (IoU 0.5)", f1(bestCounts));
        scores.put("validation precision", bestCounts.precision());
        scores.put("validation recall", bestCounts.recall());
        scores.put("validation mAP@0.5", map(best, validation));
        Duration elapsed = Duration.between(start, Instant.now());
        ProviderDescriptor d = ProviderDescriptor.declaredBy(ClassicTrainer.class);
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("trainer", d.id() + " " + d.version());
        training.put("dataset", request.dataset().toAbsolutePath().toString());
        training.put("datasetHash", DetectionDatasets.hash(all));
        training.put("loupeVersion", LoupeBuild.version());
        training.put("images", train.size() + " for training, " + validation.size() + " for validation "
                + "(DeepPcbSplit; the test part is left for 'loupe eval detect --part test')");
        training.put("parameters", p.asText());
        training.put("grid", grid);
        training.put("tree", best.tree().describe());
        training.put("seconds", elapsed.toMillis() / 1000.0);
        training.put("finished", Instant.now().toString());
        ClassicModel chosen = new ClassicModel(best.id(), best.version(), best.backend(), best.classes(),
                best.settings(), best.tree(), training, scores);
        TrainingData.prepare(request.output());
        chosen.write(request.output());
        return new TrainingResult(request.output(), points, elapsed, false, scores);
    }

    /** An image decoded once for the whole grid. */
    private record Loaded(AnnotatedImageFile file, PixelImage image) {
    }

    private static List<Loaded> load(List<AnnotatedImageFile> files, ProcessingContext ctx) throws LoupeException {
        List<Loaded> out = new ArrayList<>();
        for (AnnotatedImageFile f : files) {
            ctx.checkCancelled();
            out.add(new Loaded(f, ImageFiles.read(f.image())));
        }
        return out;
    }

    /** The tree fitted to the training regions of one grid point. */
    static ShapeTree fitTree(List<Loaded> train, ClassicModel.Settings s) {
        List<Shape> shapes = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Loaded l : train) {
            for (ClassicPipeline.Region r : ClassicPipeline.regions(l.image, s)) {
                String label = ShapeTree.NONE;
                double bestIou = LABEL_IOU;
                for (GroundTruth g : l.file.truth()) {
                    double iou = Iou.of(r.x1(), r.y1(), r.x2(), r.y2(), g.x1(), g.y1(), g.x2(), g.y2());
                    if (iou >= bestIou) {
                        bestIou = iou;
                        label = g.label();
                    }
                }
                shapes.add(r.shape());
                labels.add(label);
            }
        }
        return ShapeTree.fit(shapes, labels);
    }

    private static List<AnnotatedImage> detections(ClassicModel m, List<Loaded> images) {
        List<AnnotatedImage> out = new ArrayList<>();
        for (Loaded l : images) {
            out.add(new AnnotatedImage(l.file.id(), l.file.truth(), ClassicPipeline.detect(l.image, m)));
        }
        return out;
    }

    private static Counts score(ClassicModel m, List<Loaded> validation) {
        return new DetectionEvaluation(detections(m, validation)).overall(MatchRule.VOC, 0);
    }

    private static double map(ClassicModel m, List<Loaded> validation) {
        return new DetectionEvaluation(detections(m, validation)).meanAveragePrecision(MatchRule.VOC,
                ApInterpolation.ALL_POINT);
    }

    /** F1, 0 where nothing was found (a grid point that finds nothing is the worst, not incomparable). */
    private static double f1(Counts c) {
        return Double.isNaN(c.f1()) ? 0 : c.f1();
    }

    private static String name(Parameters p) {
        return p.getString("name").isBlank() ? "detect.classic" : p.getString("name");
    }

    /** A comma-separated list of whole numbers in [min, max], odd ones only if asked. */
    private static List<Integer> list(Parameters p, String key, int min, int max, boolean odd) throws LoupeException {
        List<Integer> values = new ArrayList<>();
        for (String part : p.getString(key).split(",")) {
            try {
                int v = Integer.parseInt(part.strip());
                if (v >= min && v <= max && (!odd || v % 2 == 1)) {
                    values.add(v);
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw LoupeException.usage("parameter '" + key + "': '" + part.strip() + "' is not " + (odd ? "an odd "
                    : "a ") + "whole number in [" + min + ", " + max + "]");
        }
        return values;
    }
}
