package org.loupe.pipeline.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.api.Segmenter;
import org.loupe.image.io.ReadOptions;
import org.loupe.image.io.VolumeFiles;
import org.loupe.image.volume.Volume;
import org.loupe.metrics.segmentation.SurfaceDistances;
import org.loupe.metrics.segmentation.VolumeMask;
import org.loupe.pipeline.BatchPolicy;
import org.loupe.pipeline.Inputs;
import org.loupe.registry.ProviderHandle;

/**
 * A segmenter scored on a folder of cases, each a subfolder holding the image (a DICOM series in {@code ct/}, or
 * {@code ct.nii.gz}, {@code image.nii.gz}) and its truth label map: Dice, IoU, Hausdorff, HD95 and average surface
 * distance in millimetres per case, and their mean and standard deviation. A case that cannot be read or segmented
 * is recorded under the batch policy and the others go on.
 *
 * @param cases      one row per case scored
 * @param unscored   cases that could not be scored, named
 */
public record SegmentationEvaluation(List<Case> cases, List<String> unscored) {

    /**
     * One case's figures.
     *
     * @param name the case folder's name
     */
    public record Case(String name, SurfaceDistances scores) {
    }

    /**
     * Scores {@code segmenter}'s label {@code label} against the non-zero voxels of each case's {@code truthFile}.
     *
     * @param writeTo where to save each case's label map ({@code NAME.nii.gz}), or null
     * @throws LoupeException INPUT for a folder with no case; what the policy does not absorb
     */
    public static SegmentationEvaluation run(ProviderHandle<Segmenter> segmenter, ProcessingContext ctx, Path dataset,
            String truthFile, int label, BatchPolicy policy, ReadOptions read, Path writeTo) throws LoupeException {
        List<Path> dirs = Inputs.caseFolders(dataset, truthFile);
        List<Case> cases = new ArrayList<>();
        List<String> unscored = new ArrayList<>();
        for (int i = 0; i < dirs.size(); i++) {
            Path dir = dirs.get(i);
            String name = dir.getFileName().toString();
            ProcessingContext part = ctx.within((double) i / dirs.size(), (i + 1.0) / dirs.size());
            policy.item(dir.toString(), () -> {
                Volume image = VolumeFiles.read(image(dir), read);
                Volume truth = VolumeFiles.read(dir.resolve(truthFile), read);
                if (truth.width() != image.width() || truth.height() != image.height()
                        || truth.depth() != image.depth()) {
                    throw LoupeException.badInput(dir.resolve(truthFile).toString(), "is " + truth.width() + "x"
                            + truth.height() + "x" + truth.depth() + ", the image " + image.width() + "x"
                            + image.height() + "x" + image.depth());
                }
                Volume labels = segmenter.call(s -> s.segment(image, part));
                if (writeTo != null) {
                    VolumeFiles.writeNifti(labels, writeTo.resolve(name + ".nii.gz"));
                }
                VolumeMask found = VolumeMask.of(labels, label);
                VolumeMask expected = VolumeMask.nonZero(truth);
                if (found.count() == 0 || expected.count() == 0) {
                    throw LoupeException.badInput(dir.toString(), found.count() == 0 ? "the segmenter found no voxel "
                            + "of label " + label : "its truth " + truthFile + " is empty");
                }
                return new Case(name, SurfaceDistances.of(found, expected));
            }).ifPresentOrElse(cases::add, () -> unscored.add(name));
        }
        return new SegmentationEvaluation(cases, unscored);
    }

    /** A case's image: its DICOM series folder {@code ct/}, or a NIfTI file. */
    static Path image(Path dir) throws LoupeException {
        for (String candidate : new String[] {"ct", "ct.nii.gz", "ct.nii", "image.nii.gz", "image.nii"}) {
            if (Files.exists(dir.resolve(candidate))) {
                return dir.resolve(candidate);
            }
        }
        throw LoupeException.badInput(dir.toString(), "holds no image (ct/, ct.nii.gz or image.nii.gz)");
    }

    /** Mean of one figure over the cases. */
    public double mean(ToDoubleFunction<SurfaceDistances> figure) {
        return cases.stream().mapToDouble(c -> figure.applyAsDouble(c.scores())).average().orElse(Double.NaN);
    }

    /** Sample standard deviation of one figure over the cases (0 for one case). */
    public double sd(ToDoubleFunction<SurfaceDistances> figure) {
        double m = mean(figure);
        double ss = cases.stream().mapToDouble(c -> Math.pow(figure.applyAsDouble(c.scores()) - m, 2)).sum();
        return cases.size() > 1 ? Math.sqrt(ss / (cases.size() - 1)) : 0;
    }
}
