package org.loupe.pipeline.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.api.Segmenter;
import org.loupe.data.ct.Tumour;
import org.loupe.image.io.ReadOptions;
import org.loupe.image.io.VolumeFiles;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;
import org.loupe.pipeline.BatchPolicy;
import org.loupe.pipeline.Inputs;
import org.loupe.pipeline.liver.CaseTruth;
import org.loupe.pipeline.liver.NearestLabel;
import org.loupe.registry.ProviderHandle;

/**
 * A multi-label segmenter (e.g. Couinaud segments) scored on a folder of cases against a multi-label truth map:
 * per case the share of truth voxels given their label (accuracy), the Dice of each label, and, where the case has a
 * {@code case.json} listing lesions with a {@code segment}, how many lesions' centres carry their segment.
 *
 * @param cases    one row per case scored
 * @param unscored cases that could not be scored
 */
public record LabelMapEvaluation(List<Case> cases, List<String> unscored) {

    /**
     * One case.
     *
     * @param name       the case folder's name
     * @param accuracy   share of the truth's labelled voxels labelled the same
     * @param dice       Dice per truth label (label number to Dice)
     * @param lesions    lesions listed in case.json
     * @param lesionHits lesions whose centre carries their listed segment
     */
    public record Case(String name, double accuracy, Map<Integer, Double> dice, int lesions, int lesionHits) {
    }

    /** Scores every case; see {@link SegmentationEvaluation#run} for the layout and the policy. */
    public static LabelMapEvaluation run(ProviderHandle<Segmenter> segmenter, ProcessingContext ctx, Path dataset,
            String truthFile, BatchPolicy policy, ReadOptions read) throws LoupeException {
        List<Path> dirs = Inputs.caseFolders(dataset, truthFile);
        List<Case> cases = new ArrayList<>();
        List<String> unscored = new ArrayList<>();
        for (int n = 0; n < dirs.size(); n++) {
            Path dir = dirs.get(n);
            ProcessingContext part = ctx.within((double) n / dirs.size(), (n + 1.0) / dirs.size());
            policy.item(dir.toString(), () -> {
                Volume image = VolumeFiles.read(SegmentationEvaluation.image(dir), read);
                Volume truth = VolumeFiles.read(dir.resolve(truthFile), read);
                Volume labels = segmenter.call(s -> s.segment(image, part));
                if (labels.data().length != truth.data().length) {
                    throw LoupeException.badInput(dir.resolve(truthFile).toString(), "is not on the image's grid");
                }
                return score(dir, labels, truth);
            }).ifPresentOrElse(cases::add, () -> unscored.add(dir.getFileName().toString()));
        }
        return new LabelMapEvaluation(cases, unscored);
    }

    private static Case score(Path dir, Volume labels, Volume truth) throws LoupeException {
        float[] a = labels.data();
        float[] t = truth.data();
        Map<Integer, long[]> counts = new LinkedHashMap<>();
        for (int p = 0; p < t.length; p++) {
            int lt = Math.round(t[p]);
            int la = Math.round(a[p]);
            if (lt > 0) {
                counts.computeIfAbsent(lt, k -> new long[3])[1]++;
            }
            if (la > 0) {
                counts.computeIfAbsent(la, k -> new long[3])[2]++;
            }
            if (lt > 0 && la == lt) {
                counts.get(lt)[0]++;
            }
        }
        Map<Integer, Double> dice = new LinkedHashMap<>();
        counts.keySet().stream().sorted().filter(k -> counts.get(k)[1] > 0).forEach(k -> {
            long[] c = counts.get(k);
            dice.put(k, 2.0 * c[0] / (c[1] + c[2]));
        });
        int[] lesions = lesions(dir.resolve("case.json"), labels);
        double accuracy = accuracy(labels, truth);
        return new Case(dir.getFileName().toString(), Double.isNaN(accuracy) ? 0 : accuracy, dice, lesions[0],
                lesions[1]);
    }

    /** The share of the truth's labelled voxels that {@code labels} gives the same label; NaN for an empty truth. */
    public static double accuracy(Volume labels, Volume truth) {
        long labelled = 0;
        long same = 0;
        for (int p = 0; p < truth.data().length; p++) {
            int lt = Math.round(truth.data()[p]);
            if (lt > 0) {
                labelled++;
                same += Math.round(labels.data()[p]) == lt ? 1 : 0;
            }
        }
        return labelled == 0 ? Double.NaN : (double) same / labelled;
    }

    /**
     * Lesions listed and lesions whose centre's label ({@link NearestLabel}) is their segment; zeros without
     * case.json.
     */
    private static int[] lesions(Path file, Volume labels) throws LoupeException {
        if (!Files.isRegularFile(file)) {
            return new int[2];
        }
        int listed = 0;
        int hits = 0;
        for (Tumour t : CaseTruth.lesions(file).values()) {
            listed++;
            double[] ijk = index(labels.geometry(), t.x(), t.y(), t.z());
            hits += NearestLabel.of(labels, ijk[0], ijk[1], ijk[2]) == t.segment() ? 1 : 0;
        }
        return new int[] {listed, hits};
    }

    /** The voxel coordinates of a patient position. */
    private static double[] index(VoxelGeometry g, double x, double y, double z) {
        double[] o = g.origin();
        double[] d = g.direction();
        double[] r = {x - o[0], y - o[1], z - o[2]};
        double[] s = {g.spacingX(), g.spacingY(), g.spacingZ()};
        double[] ijk = new double[3];
        for (int axis = 0; axis < 3; axis++) {
            ijk[axis] = (r[0] * d[3 * axis] + r[1] * d[3 * axis + 1] + r[2] * d[3 * axis + 2]) / s[axis];
        }
        return ijk;
    }
}
