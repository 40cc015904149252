package org.loupe.detect.learned;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.loupe.api.Detection;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.data.deeppcb.DeepPcbSplit;
import org.loupe.data.detection.AnnotatedImageFile;
import org.loupe.data.detection.DetectionDatasets;
import org.loupe.image.FloatImages;
import org.loupe.image.GrayF32;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.metrics.detection.AnnotatedImage;
import org.loupe.metrics.detection.ApInterpolation;
import org.loupe.metrics.detection.DetectionEvaluation;
import org.loupe.metrics.detection.MatchRule;

/**
 * What a learned detector's trainer reads from a COCO, YOLO or DeepPCB folder: the training and validation parts
 * by Loupe's one split rule ({@link DeepPcbSplit}; the test part is left for {@code loupe eval detect --part test})
 * and the class names of the training part, in order.
 *
 * @param training   the images trained on
 * @param validation the images the exported model is scored on
 * @param classes    the labels of the training part's boxes, sorted
 */
public record DetectorData(List<AnnotatedImageFile> training, List<AnnotatedImageFile> validation,
        List<String> classes) {

    /** A trained detector run on one image, as the validation scoring calls it. */
    @FunctionalInterface
    public interface Detect {
        /** All detections of the image, with their confidences. */
        List<Detection> detect(PixelImage image) throws LoupeException;
    }

    /**
     * The parts of a folder, a DeepPCB folder's pairs from its list file {@code list}.
     *
     * @throws LoupeException INPUT when there are too few images for both parts
     */
    public static DetectorData read(Path dataset, String list) throws LoupeException {
        List<AnnotatedImageFile> all = DetectionDatasets.readAll(dataset, list);
        List<AnnotatedImageFile> train = DeepPcbSplit.part(all, DeepPcbSplit.Part.TRAINING);
        List<AnnotatedImageFile> val = DeepPcbSplit.part(all, DeepPcbSplit.Part.VALIDATION);
        if (train.isEmpty() || val.isEmpty()) {
            throw LoupeException.badInput(dataset.toString(), "has " + all.size() + " images: too few for a "
                    + "training and a validation part (10 at least)");
        }
        TreeSet<String> names = new TreeSet<>();
        train.forEach(f -> f.truth().forEach(g -> names.add(g.label())));
        return new DetectorData(List.copyOf(train), List.copyOf(val), List.copyOf(names));
    }

    /** How many images each part has, for the training record. */
    public String describe() {
        return training.size() + " for training, " + validation.size() + " for validation (DeepPcbSplit; the test "
                + "part is left for 'loupe eval detect --part test')";
    }

    /** The fingerprint of both parts ({@link DetectionDatasets#hash}), for the training record. */
    public String hash() throws LoupeException {
        List<AnnotatedImageFile> both = new ArrayList<>(training);
        both.addAll(validation);
        return DetectionDatasets.hash(both);
    }

    /**
     * Both parts decoded, after a progress line.
     *
     * @param training   the training images
     * @param validation the validation images
     */
    public record Decoded(List<DetectionCrops.Sample> training, List<DetectionCrops.Sample> validation) {
        /** Pixels of the training part, for counting epochs. */
        public long trainingPixels() {
            return training.stream().mapToLong(s -> (long) s.width() * s.height()).sum();
        }
    }

    /** Decodes both parts. */
    public Decoded decode(ProcessingContext ctx) throws LoupeException {
        ctx.progress(0, "reading " + (training.size() + validation.size()) + " images");
        return new Decoded(load(training, ctx), load(validation, ctx));
    }

    /** The images decoded as brightness in [0, 1]. */
    public static List<DetectionCrops.Sample> load(List<AnnotatedImageFile> files, ProcessingContext ctx)
            throws LoupeException {
        List<DetectionCrops.Sample> out = new ArrayList<>();
        for (AnnotatedImageFile f : files) {
            ctx.checkCancelled();
            GrayF32 g = FloatImages.brightness(ImageFiles.read(f.image()));
            out.add(new DetectionCrops.Sample(g.copy().data(), g.width(), g.height(), f.truth()));
        }
        return out;
    }

    /**
     * A trained detector on the whole validation images: mAP@0.5, mAP by the DeepPCB rule and F1 at score 0.5,
     * which trainers record beside the model.
     */
    public Map<String, Double> score(Detect detector) throws LoupeException {
        List<AnnotatedImage> images = new ArrayList<>();
        for (AnnotatedImageFile f : validation) {
            images.add(new AnnotatedImage(f.id(), f.truth(), detector.detect(ImageFiles.read(f.image()))));
        }
        DetectionEvaluation e = new DetectionEvaluation(images);
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("validation mAP@0.5", e.meanAveragePrecision(MatchRule.VOC, ApInterpolation.ALL_POINT));
        scores.put("validation mAP (DeepPCB rule)", e.meanAveragePrecision(MatchRule.DEEPPCB,
                ApInterpolation.ALL_POINT));
        scores.put("validation F1 (DeepPCB rule, score 0.5)", e.overall(MatchRule.DEEPPCB, 0.5).f1());
        return scores;
    }
}
