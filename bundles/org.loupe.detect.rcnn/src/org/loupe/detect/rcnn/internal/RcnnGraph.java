package org.loupe.detect.rcnn.internal;

import java.util.Map;
import org.loupe.detect.learned.PyramidBackbone;
import org.loupe.tensorflow.Sessions;
import org.loupe.tensorflow.train.AdamOptimizer;
import org.loupe.tensorflow.train.Losses;
import org.loupe.tensorflow.train.Network;
import org.loupe.tensorflow.train.TrainingLoop;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The two-stage detector's training graph, both stages at once on a batch of {@code batch} crops of {@code patch}
 * pixels. Its loss is Faster R-CNN's: binary cross-entropy of the sampled anchors' objectness and smooth L1 of the
 * positive anchors' box codes (both over the sampled anchors), plus softmax cross-entropy of the regions' classes and
 * smooth L1 of the positive regions' box codes (both over the regions). The regions' features are RoIAligned from
 * the shared backbone's with CropAndResize and 2 x 2 average pooling ({@link RoiAlign}), so the second stage's
 * gradients reach the backbone too.
 */
final class RcnnGraph implements AutoCloseable {

    private final Graph graph = new Graph();
    private final Session session;
    private final Network net;
    private final Placeholder<TFloat32> input;
    private final Placeholder<TFloat32> target;
    private final Operand<TFloat32> loss;
    private final AdamOptimizer adam;

    RcnnGraph(RcnnNetwork network, RcnnTargets targets, int classes, int batch, int patch, long seed) {
        Ops tf = Ops.create(graph);
        net = new Network(tf, seed);
        int g = patch / PyramidBackbone.STRIDE;
        int a = Anchors.PER_CELL;
        int regions = batch * RcnnTargets.REGIONS;
        input = tf.withName("input").placeholder(TFloat32.class, Placeholder.shape(Shape.of(batch, patch, patch, 1)));
        target = tf.withName("target").placeholder(TFloat32.class, Placeholder.shape(Shape.of(batch,
                targets.size())));
        Operand<TFloat32> first = network.proposals().build(net, input, true);
        Operand<TFloat32> features = channels(tf, first, 0, PyramidBackbone.CHANNELS);
        Operand<TFloat32> objectness = tf.reshape(channels(tf, first, PyramidBackbone.CHANNELS, a),
                tf.constant(new int[] {batch, g * g * a}));
        Operand<TFloat32> codes = tf.reshape(channels(tf, first, PyramidBackbone.CHANNELS + a, 4 * a),
                tf.constant(new int[] {batch, g * g * a, 4}));
        int anchorPart = targets.anchorCount() * RcnnTargets.perAnchor();
        Operand<TFloat32> anchorTargets = tf.reshape(columns(tf, target, 0, anchorPart),
                tf.constant(new int[] {batch, g * g * a, RcnnTargets.perAnchor()}));
        Operand<TFloat32> sampled = last(tf, anchorTargets, 0, 1);
        Operand<TFloat32> label = last(tf, anchorTargets, 1, 1);
        Operand<TFloat32> anchorCount = tf.math.maximum(total(tf, sampled), tf.constant(1f));
        Operand<TInt32> flat = tf.constant(new int[] {batch, -1});
        Operand<TFloat32> rpnClass = total(tf, tf.math.mul(tf.reshape(sampled, flat),
                Losses.binaryCrossEntropy(tf, objectness, tf.reshape(label, flat))));
        Operand<TFloat32> rpnBox = total(tf, tf.math.mul(tf.math.mul(sampled, label),
                smoothL1(tf, tf.math.sub(codes, last(tf, anchorTargets, 2, 4)), 1 / 9f)));

        int per = targets.perRegion();
        Operand<TFloat32> regionTargets = tf.reshape(columns(tf, target, anchorPart, RcnnTargets.REGIONS * per),
                tf.constant(new int[] {regions, per}));
        int[] owner = new int[regions];
        for (int i = 0; i < regions; i++) {
            owner[i] = i / RcnnTargets.REGIONS;
        }
        Operand<TFloat32> crops = tf.image.cropAndResize(features, columns(tf, regionTargets, 0, 4),
                tf.constant(owner), tf.constant(new int[] {RoiAlign.SAMPLES, RoiAlign.SAMPLES}));
        Operand<TFloat32> pooled = net.avgPool(crops, 2, 2);
        Operand<TFloat32> head = network.head().build(net, pooled, true);
        Operand<TFloat32> valid = columns(tf, regionTargets, 4, 1);
        Operand<TFloat32> oneHot = columns(tf, regionTargets, 5, 1 + classes);
        Operand<TFloat32> regionCount = tf.math.maximum(total(tf, valid), tf.constant(1f));
        Operand<TFloat32> headClass = total(tf, tf.math.mul(valid, tf.math.neg(tf.reduceSum(tf.math.mul(oneHot,
                tf.nn.logSoftmax(columns(tf, head, 0, 1 + classes))), tf.constant(1),
                ReduceSum.keepDims(true)))));
        Operand<TFloat32> positive = tf.math.mul(valid, tf.math.sub(tf.constant(1f), columns(tf, oneHot, 0, 1)));
        Operand<TFloat32> headBox = total(tf, tf.math.mul(positive, smoothL1(tf, tf.math.sub(columns(tf, head,
                1 + classes, 4), columns(tf, regionTargets, 6 + classes, 4)), 1f)));
        loss = tf.math.add(tf.math.div(tf.math.add(rpnClass, rpnBox), anchorCount),
                tf.math.div(tf.math.add(headClass, headBox), regionCount));
        adam = new AdamOptimizer(graph, tf, loss, net.trainableVariables(), 5f, net.updates());
        session = Sessions.open(graph);
        session.initialize();
    }

    private static Operand<TFloat32> channels(Ops tf, Operand<TFloat32> x, int from, int size) {
        return tf.slice(x, tf.constant(new int[] {0, 0, 0, from}), tf.constant(new int[] {-1, -1, -1, size}));
    }

    private static Operand<TFloat32> columns(Ops tf, Operand<TFloat32> x, int from, int size) {
        return tf.slice(x, tf.constant(new int[] {0, from}), tf.constant(new int[] {-1, size}));
    }

    private static Operand<TFloat32> last(Ops tf, Operand<TFloat32> x, int from, int size) {
        return tf.slice(x, tf.constant(new int[] {0, 0, from}), tf.constant(new int[] {-1, -1, size}));
    }

    private static Operand<TFloat32> total(Ops tf, Operand<TFloat32> x) {
        Operand<TInt32> all = tf.range(tf.constant(0), tf.rank(x), tf.constant(1));
        return tf.reduceSum(x, all);
    }

    /** Smooth L1 with knee {@code beta}: quadratic below it, linear above, written without a branch. */
    private static Operand<TFloat32> smoothL1(Ops tf, Operand<TFloat32> d, float beta) {
        Operand<TFloat32> abs = tf.math.abs(d);
        Operand<TFloat32> small = tf.math.minimum(abs, tf.constant(beta));
        return tf.math.add(tf.math.div(tf.math.mul(tf.constant(0.5f), tf.math.square(small)), tf.constant(beta)),
                tf.math.sub(abs, small));
    }

    /** What {@link TrainingLoop#run} drives. */
    TrainingLoop.Setup setup() {
        return new TrainingLoop.Setup(session, input, target, loss, loss, null, adam);
    }

    /** The current weights by variable name. */
    Map<String, float[]> weights() {
        return net.values(session);
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
