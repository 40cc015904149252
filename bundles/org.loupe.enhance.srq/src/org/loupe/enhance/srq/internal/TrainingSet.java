package org.loupe.enhance.srq.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.GrayF32;
import org.loupe.image.PixelImage;
import org.loupe.image.Region;
import org.loupe.image.io.ImageFiles;
import org.loupe.numerics.resample.Interpolation;
import org.loupe.numerics.resample.Resize;
import org.loupe.tensorflow.train.PatchSampler;

/**
 * Super-resolution training pairs from a folder of high-resolution 8-bit images (only read): each image, at each of
 * a list of sizes (the paper's scaling augmentation), is degraded into a low-resolution luma; the
 * target is the residual the network must add to the bicubic enlargement of that input. The last {@link #HELD_OUT}
 * images by file name are held out for validation and for choosing the fixed-point formats, at the largest of the
 * training sizes, so that they are judged at the same size as the images the network learns from.
 */
final class TrainingSet {

    /** Default scaling augmentation: HR images are used at these sizes. */
    static final String SCALES = "1,0.8,0.6";
    /** Images held out (each at the largest training size only). */
    static final int HELD_OUT = 8;

    /** One image's low-resolution luma, its HR luma, and the residual over bicubic. */
    record Sample(GrayF32 lowResolution, GrayF32 highResolution, GrayF32 residual) {

        PatchSampler.Pair pair() {
            return new PatchSampler.Pair(lowResolution, residual);
        }
    }

    private final List<Sample> training;
    private final List<Sample> validation;
    private final int files;

    private TrainingSet(List<Sample> training, List<Sample> validation, int files) {
        this.training = training;
        this.validation = validation;
        this.files = files;
    }

    /**
     * Reads and degrades a dataset folder.
     *
     * @throws LoupeException INPUT for a missing folder, too few images, or an unreadable file (named)
     */
    static TrainingSet read(Path dataset, Degradation degradation, double[] scales, long seed,
            ProcessingContext ctx) throws LoupeException {
        List<Path> files = images(dataset);
        if (files.size() < HELD_OUT + 1) {
            throw LoupeException.badInput(dataset.toString(), "holds " + files.size() + " images; training needs "
                    + "at least " + (HELD_OUT + 1) + " (" + HELD_OUT + " are held out)");
        }
        List<Sample> train = new ArrayList<>();
        List<Sample> held = new ArrayList<>();
        double largest = Arrays.stream(scales).max().orElseThrow();
        for (int i = 0; i < files.size(); i++) {
            ctx.checkCancelled();
            ctx.progress(0.5 * i / files.size(), "degrading " + files.get(i).getFileName());
            PixelImage hr = ImageFiles.read(files.get(i));
            boolean validation = i >= files.size() - HELD_OUT;
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
            for (double s : validation ? new double[] {largest} : scales) {
                PixelImage scaled = s == 1 ? hr : Resize.byScale(hr, s, Interpolation.BICUBIC, ctx);
                (validation ? held : train).add(sample(even(scaled), degradation, random));
            }
        }
        return new TrainingSet(train, held, files.size());
    }

    /** A sample from one HR image with even sides. */
    static Sample sample(PixelImage hr, Degradation degradation, SplittableRandom random) throws LoupeException {
        GrayF32 target = Degradation.unitLuma(hr);
        GrayF32 lr = degradation.apply(hr, random);
        GrayF32 up = (GrayF32) Resize.byScale(lr, Architecture.SCALE, Interpolation.BICUBIC,
                ProcessingContext.none());
        GrayF32 residual = GrayF32.create(target.width(), target.height());
        for (int y = 0; y < target.height(); y++) {
            for (int x = 0; x < target.width(); x++) {
                residual.set(x, y, target.get(x, y) - up.get(x, y));
            }
        }
        return new Sample(lr, target, residual);
    }

    private static PixelImage even(PixelImage img) {
        return img.view(new Region(0, 0, img.width() & ~1, img.height() & ~1));
    }

    /** Parses a comma-separated list of scales in (0, 1]. */
    static double[] scales(String text) throws LoupeException {
        try {
            double[] s = Arrays.stream(text.split(",")).map(String::strip).mapToDouble(Double::parseDouble).toArray();
            if (s.length == 0 || Arrays.stream(s).anyMatch(v -> !(v > 0 && v <= 1))) {
                throw new NumberFormatException();
            }
            return s;
        } catch (NumberFormatException e) {
            throw LoupeException.usage("parameter 'scales' must list factors in (0, 1] separated by commas, not '"
                    + text + "'");
        }
    }

    List<Sample> training() {
        return training;
    }

    List<Sample> validation() {
        return validation;
    }

    /** Images read. */
    int files() {
        return files;
    }

    private static List<Path> images(Path dir) throws LoupeException {
        if (!Files.isDirectory(dir)) {
            throw LoupeException.badInput(dir.toString(), "no such dataset folder");
        }
        return ImageFiles.list(dir);
    }
}
