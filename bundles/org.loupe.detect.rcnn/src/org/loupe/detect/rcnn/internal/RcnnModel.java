package org.loupe.detect.rcnn.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.loupe.api.Detection;
import org.loupe.api.LoupeException;
import org.loupe.detect.learned.PyramidBackbone;
import org.loupe.image.PixelImage;
import org.loupe.numerics.regions.Boxes;
import org.loupe.tensorflow.ImageTensors;
import org.loupe.tensorflow.ModelHandle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * A trained two-stage model run on whole images. The first stage's SavedModel (the model folder itself) gives the
 * features and every anchor's objectness and box code; here the best {@value #PRE_NMS} anchors are decoded, clipped
 * to the image, thinned by non-maximum suppression at IoU {@value #PROPOSAL_IOU} and the best {@code proposals} kept;
 * their features are RoIAligned ({@link RoiAlign}) and the second stage's SavedModel (the folder's {@value #HEAD})
 * scores each for every class and refines its box; a final per-class suppression removes duplicates.
 */
final class RcnnModel {

    /** The second stage's folder inside the model folder. */
    static final String HEAD = "head";
    static final int PRE_NMS = 2000;
    static final double PROPOSAL_IOU = 0.7;

    private final ModelHandle first;
    private final ModelHandle second;
    private final List<String> classes;

    private RcnnModel(ModelHandle first, ModelHandle second, List<String> classes) {
        this.first = first;
        this.second = second;
        this.classes = classes;
    }

    /** The model of a folder's two handles, whose first sidecar names the classes. */
    static RcnnModel of(ModelHandle first, ModelHandle second) throws LoupeException {
        if (!"rpn".equals(first.sidecar().output()) || !"head".equals(second.sidecar().output())) {
            throw LoupeException.badInput(first.folder().toString(), "is not a detect.rcnn model (it is a '"
                    + first.sidecar().id() + "' model)");
        }
        Object names = first.sidecar().training() == null ? null : first.sidecar().training().get("classes");
        if (!(names instanceof List<?> list) || list.isEmpty()) {
            throw LoupeException.badInput(first.folder().toString(), "is not a detect.rcnn model (its sidecar's "
                    + "training record names no classes)");
        }
        return new RcnnModel(first, second, list.stream().map(String::valueOf).toList());
    }

    /** The detections of one image, at least {@code minScore}, overlapping ones of a class suppressed. */
    List<Detection> detect(PixelImage image, double minScore, double nmsIou, int proposals, boolean objectness)
            throws LoupeException {
        PyramidBackbone.Padded in = PyramidBackbone.pad(image);
        int fw = in.width() / PyramidBackbone.STRIDE;
        int fh = in.height() / PyramidBackbone.STRIDE;
        float[] out;
        try (TFloat32 t = TFloat32.tensorOf(Shape.of(1, in.height(), in.width(), 1), DataBuffers.of(in.grey(), true,
                false))) {
            out = first.run(t, ImageTensors::values);
        }
        List<double[]> regions = proposals(out, fw, fh, image.width(), image.height(), proposals);
        if (regions.isEmpty()) {
            return List.of();
        }
        int c = PyramidBackbone.CHANNELS;
        int stride = RcnnNetwork.firstStageChannels();
        float[] features = new float[fw * fh * c];
        for (int i = 0; i < fw * fh; i++) {
            System.arraycopy(out, i * stride, features, i * c, c);
        }
        int cell = RoiAlign.BINS * RoiAlign.BINS * c;
        float[] crops = new float[regions.size() * cell];
        for (int k = 0; k < regions.size(); k++) {
            double[] r = regions.get(k);
            RoiAlign.crop(features, fw, fh, c, RoiAlign.box(r[0], r[1], r[2], r[3], fw, fh), crops, k * cell);
        }
        float[] head;
        try (TFloat32 t = TFloat32.tensorOf(Shape.of(regions.size(), RoiAlign.BINS, RoiAlign.BINS, c),
                DataBuffers.of(crops, true, false))) {
            head = second.run(t, ImageTensors::values);
        }
        return Boxes.suppressPerLabel(classify(regions, head, image.width(), image.height(), minScore,
                objectness), nmsIou);
    }

    /** The first stage's best anchors, decoded, clipped and suppressed: x1, y1, x2, y2, objectness each. */
    private static List<double[]> proposals(float[] out, int fw, int fh, int width, int height, int keep) {
        int a = Anchors.PER_CELL;
        int stride = RcnnNetwork.firstStageChannels();
        int n = fw * fh * a;
        float[] logits = new float[n];
        for (int i = 0; i < n; i++) {
            logits[i] = out[(i / a) * stride + PyramidBackbone.CHANNELS + i % a];
        }
        int[] best = largest(logits, PRE_NMS);
        double[] anchors = Anchors.grid(fw, fh);
        float[] code = new float[4];
        List<double[]> candidates = new ArrayList<>();
        for (int i : best) {
            System.arraycopy(out, (i / a) * stride + PyramidBackbone.CHANNELS + a + 4 * (i % a), code, 0, 4);
            double[] b = Anchors.decode(anchors, i * 4, code, 0, RcnnTargets.RPN_STD);
            double x1 = Math.max(0, b[0]);
            double y1 = Math.max(0, b[1]);
            double x2 = Math.min(width, b[2]);
            double y2 = Math.min(height, b[3]);
            if (x2 - x1 >= 2 && y2 - y1 >= 2) {
                candidates.add(new double[] {x1, y1, x2, y2, logits[i]});
            }
        }
        List<double[]> kept = new ArrayList<>();
        for (double[] c : candidates) {
            boolean overlapped = false;
            for (double[] k : kept) {
                if (Anchors.iou(c, 0, k, 0) > PROPOSAL_IOU) {
                    overlapped = true;
                    break;
                }
            }
            if (!overlapped) {
                kept.add(c);
                if (kept.size() == keep) {
                    break;
                }
            }
        }
        return kept;
    }

    /**
     * The indices of the {@code k} largest values, largest first (ties by index, larger first). Sorted as primitive
     * keys (the value's bits made order-preserving, then the index) rather than boxed indices with a comparator,
     * since a 640 x 640 board has 76,800 anchors.
     */
    static int[] largest(float[] values, int k) {
        long[] keys = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            int bits = Float.floatToIntBits(values[i]);
            keys[i] = ((long) (bits ^ ((bits >> 31) & 0x7fffffff)) << 32) | i;
        }
        Arrays.sort(keys);
        int[] out = new int[Math.min(k, values.length)];
        for (int j = 0; j < out.length; j++) {
            out[j] = (int) keys[keys.length - 1 - j];
        }
        return out;
    }

    /**
     * Each region's class scores (softmax) and refined box: one detection per class at least {@code minScore}. With
     * {@code objectness} a score is the class probability times the region's objectness (sigmoid of the first
     * stage's logit), which tempers the second stage on background regions unlike those it was trained on.
     */
    private List<Detection> classify(List<double[]> regions, float[] head, int width, int height, double minScore,
            boolean objectness) {
        int per = 1 + classes.size() + 4;
        List<Detection> found = new ArrayList<>();
        for (int k = 0; k < regions.size(); k++) {
            int at = k * per;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j <= classes.size(); j++) {
                max = Math.max(max, head[at + j]);
            }
            double sum = 0;
            double[] p = new double[1 + classes.size()];
            for (int j = 0; j <= classes.size(); j++) {
                p[j] = Math.exp(head[at + j] - max);
                sum += p[j];
            }
            double[] b = Anchors.decode(regions.get(k), 0, head, at + 1 + classes.size(), RcnnTargets.HEAD_STD);
            double x1 = Math.max(0, b[0]);
            double y1 = Math.max(0, b[1]);
            double x2 = Math.min(width, b[2]);
            double y2 = Math.min(height, b[3]);
            if (x2 <= x1 || y2 <= y1) {
                continue;
            }
            double prior = objectness ? 1 / (1 + Math.exp(-regions.get(k)[4])) : 1;
            for (int j = 1; j <= classes.size(); j++) {
                double score = prior * p[j] / sum;
                if (score >= minScore) {
                    found.add(new Detection(x1, y1, x2, y2, classes.get(j - 1), score));
                }
            }
        }
        return found;
    }
}
