package org.loupe.classify.siamese.internal;

import org.loupe.api.LoupeException;
import org.loupe.metrics.classification.BinaryScores;
import org.loupe.tensorflow.ModelHandle;

/**
 * The distances of a patch set to its golden references under one model, and the decisions they give: a patch is
 * defective when its embedding lies at least the threshold away from its reference's.
 */
final class Decision {

    /** The score key under which a model stores its threshold. */
    static final String THRESHOLD = "threshold";

    private final BinaryScores scores;

    private Decision(double[] distances, boolean[] defective) {
        this.scores = new BinaryScores(distances, defective);
    }

    /** Embeds every patch and its reference and measures their distances. */
    static Decision measure(ModelHandle model, PatchSet set) throws LoupeException {
        float[][] a = Embeddings.of(model, set.inputs(), set.size());
        float[][] b = Embeddings.of(model, set.references(), set.size());
        double[] d = new double[set.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = Embeddings.distance(a[i], b[i]);
        }
        return new Decision(d, set.defective());
    }

    /** The threshold with the best accuracy, by sweep. */
    double bestThreshold() {
        return scores.bestThreshold(BinaryScores.Criterion.accuracy());
    }

    /** Accuracy at a threshold. */
    double accuracy(double threshold) {
        return scores.at(threshold).accuracy();
    }

    /** Area under the ROC curve of the distances. */
    double auc() {
        return scores.auc();
    }
}
