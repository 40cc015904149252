package org.loupe.detect.template.internal;

import java.util.Arrays;
import java.util.List;
import org.loupe.api.LoupeException;
import org.loupe.data.deeppcb.DeepPcbDataset;
import org.loupe.data.deeppcb.DeepPcbFiles;
import org.loupe.data.deeppcb.DefectType;
import org.loupe.image.io.ImageFiles;
import org.loupe.metrics.detection.GroundTruth;
import org.loupe.metrics.detection.Iou;

/**
 * The classifier's training examples: every candidate of every pair, its crop, and its target row (one-hot type,
 * background when it matches no annotated defect, then the annotated box relative to the crop window).
 */
final class CandidateSamples {

    /** A candidate belongs to a defect when their boxes, the candidate's grown by this, overlap this much. */
    private static final double MATCH_IOU = 0.2;
    private static final int MATCH_GROW = 12;

    private float[] crops = new float[0];
    private float[] targets = new float[0];
    private int count;
    private int defects;

    /** Adds every candidate of the listed pairs. */
    void addAll(List<DeepPcbDataset.Entry> entries) throws LoupeException {
        for (DeepPcbDataset.Entry e : entries) {
            TemplateComparison c = TemplateComparison.of(ImageFiles.read(e.test()),
                    ImageFiles.read(e.template()), TemplateComparison.Settings.DEFAULT, unusual -> { });
            List<GroundTruth> truth = DeepPcbFiles.readTruth(e.annotation());
            for (int[] box : c.components()) {
                add(c, box, match(box, truth));
            }
        }
    }

    private void add(TemplateComparison c, int[] box, GroundTruth g) {
        if (count == capacity()) {
            int grown = Math.max(1024, 2 * count);
            crops = Arrays.copyOf(crops, grown * CandidateCrops.SIZE);
            targets = Arrays.copyOf(targets, grown * CandidateNetwork.OUTPUTS);
        }
        CandidateCrops.Window w = CandidateCrops.Window.around(box);
        CandidateCrops.cut(c.test(), c.template(), c.shift(), w, crops, count * CandidateCrops.SIZE);
        int o = count * CandidateNetwork.OUTPUTS;
        int k = CandidateNetwork.CLASSES;
        if (g == null) {
            targets[o] = 1;
        } else {
            targets[o + DefectType.ofLabel(g.label()).orElseThrow().code()] = 1;
            targets[o + k] = (float) ((g.x1() - w.x()) / w.side());
            targets[o + k + 1] = (float) ((g.y1() - w.y()) / w.side());
            targets[o + k + 2] = (float) ((g.x2() - w.x()) / w.side());
            targets[o + k + 3] = (float) ((g.y2() - w.y()) / w.side());
            defects++;
        }
        count++;
    }

    private int capacity() {
        return targets.length / CandidateNetwork.OUTPUTS;
    }

    /** The annotated defect the candidate shows, or null for background. */
    static GroundTruth match(int[] box, List<GroundTruth> truth) {
        GroundTruth best = null;
        double bestIou = MATCH_IOU;
        for (GroundTruth g : truth) {
            double iou = Iou.of(box[0] - MATCH_GROW, box[1] - MATCH_GROW, box[2] + MATCH_GROW, box[3] + MATCH_GROW,
                    g.x1(), g.y1(), g.x2(), g.y2());
            if (iou > bestIou) {
                bestIou = iou;
                best = g;
            }
        }
        return best;
    }

    /** Candidates collected. */
    int count() {
        return count;
    }

    /** Candidates that show a defect. */
    int defects() {
        return defects;
    }

    /** Crop {@code i} into {@code out} at {@code offset}. */
    void crop(int i, float[] out, int offset) {
        System.arraycopy(crops, i * CandidateCrops.SIZE, out, offset, CandidateCrops.SIZE);
    }

    /** Target row {@code i} into {@code out} at {@code offset}. */
    void target(int i, float[] out, int offset) {
        System.arraycopy(targets, i * CandidateNetwork.OUTPUTS, out, offset, CandidateNetwork.OUTPUTS);
    }
}
