package org.loupe.enhance.learned.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.loupe.api.LoupeException;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.tensorflow.ModelHandle;
import org.loupe.tensorflow.train.PatchSampler;

/**
 * A denoising dataset read from disk, as float images in [0, 1]. Two layouts: a folder with {@code input/} and
 * {@code target/} subfolders holding images of the same names (noisy and clean, or two noisy exposures of the same
 * scene for Noise2Noise training), or a folder of clean images to which the trainer adds noise. Files are only read.
 */
final class TrainingImages {

    private TrainingImages() {
    }

    /**
     * The pairs of a dataset folder; with {@code paired} false each pair holds a clean image twice.
     *
     * @throws LoupeException INPUT naming the folder or file for a missing folder, no images, unmatched names,
     *                        mismatched sizes or band counts
     */
    static List<PatchSampler.Pair> read(Path dataset, boolean paired) throws LoupeException {
        if (!Files.isDirectory(dataset)) {
            throw LoupeException.badInput(dataset.toString(), "no such dataset folder");
        }
        List<PatchSampler.Pair> pairs = new ArrayList<>();
        if (paired) {
            Path in = dataset.resolve("input");
            Path target = dataset.resolve("target");
            if (!Files.isDirectory(in) || !Files.isDirectory(target)) {
                throw LoupeException.badInput(dataset.toString(), "has no input/ and target/ folders (or set "
                        + "the parameter noise=SIGMA to train on clean images with added noise)");
            }
            for (Path f : ImageFiles.list(in)) {
                Path t = target.resolve(f.getFileName().toString());
                if (!Files.exists(t)) {
                    throw LoupeException.badInput(f.toString(), "has no partner " + t);
                }
                PixelImage a = unit(ImageFiles.read(f));
                PixelImage b = unit(ImageFiles.read(t));
                if (a.width() != b.width() || a.height() != b.height() || a.bands() != b.bands()) {
                    throw LoupeException.badInput(t.toString(), "is " + b.width() + "x" + b.height() + "x"
                            + b.bands() + " but its input is " + a.width() + "x" + a.height() + "x" + a.bands());
                }
                pairs.add(new PatchSampler.Pair(a, b));
            }
        } else {
            for (Path f : ImageFiles.list(dataset)) {
                PixelImage a = unit(ImageFiles.read(f));
                pairs.add(new PatchSampler.Pair(a, a));
            }
        }
        if (pairs.isEmpty()) {
            throw LoupeException.badInput(dataset.toString(), "holds no images");
        }
        for (PatchSampler.Pair p : pairs) {
            if (p.input().bands() != pairs.get(0).input().bands()) {
                throw LoupeException.badInput(dataset.toString(), "mixes images with different band counts");
            }
        }
        return pairs;
    }


    /** The image as floats in [0, 1] (divided by its type's full scale), as models see it. */
    static PixelImage unit(PixelImage img) {
        double scale = ModelHandle.fullScale(img.type().pixelType());
        PixelImage out = PixelImage.create(img.bands() == 1 ? ImageType.GRAY_F32 : ImageType.planarF32(img.bands()),
                img.width(), img.height()).withMetadata(img.metadata());
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                for (int b = 0; b < img.bands(); b++) {
                    out.setFloat(x, y, b, (float) (img.getFloat(x, y, b) / scale));
                }
            }
        }
        return out;
    }
}
