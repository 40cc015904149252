package org.loupe.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.loupe.api.Classification;
import org.loupe.api.DefectClassifier;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.PixelImage;
import org.loupe.image.Region;
import org.loupe.registry.ProviderHandle;

/**
 * Classifies a whole board patch by patch: square windows tiling the image (the last row and column moved inwards so
 * every pixel is covered), each classified against the same window of the reference. The pipeline's {@code classify}
 * step and the workbench's Classify Patches both run this.
 */
public final class PatchInspection {

    private PatchInspection() {
    }

    /**
     * One decision per window, in rows from the top left.
     *
     * @param reference the golden image, same size as {@code image}, or null for classifiers that need none
     * @throws LoupeException USAGE if the image is smaller than one patch, INPUT if the reference's size differs,
     *                        else as the classifier
     */
    public static List<PatchDecision> classify(PixelImage image, PixelImage reference, int side,
            ProviderHandle<DefectClassifier> classifier, ProcessingContext ctx) throws LoupeException {
        if (side < 1 || image.width() < side || image.height() < side) {
            throw LoupeException.usage("patches of " + side + " px do not fit a " + image.width() + "x"
                    + image.height() + " image");
        }
        if (reference != null && (reference.width() != image.width() || reference.height() != image.height())) {
            throw LoupeException.badInput(reference.metadata().label("the reference"), "is " + reference.width()
                    + "x" + reference.height() + " but the image is " + image.width() + "x" + image.height());
        }
        int[] xs = starts(image.width(), side);
        int[] ys = starts(image.height(), side);
        List<PatchDecision> decisions = new ArrayList<>(xs.length * ys.length);
        for (int y : ys) {
            for (int x : xs) {
                ctx.checkCancelled();
                Region r = new Region(x, y, side, side);
                PixelImage patch = image.view(r).copy();
                PixelImage golden = reference == null ? null : reference.view(r).copy();
                Classification c = classifier.call(k -> k.classify(patch, golden, ctx));
                decisions.add(new PatchDecision(r, c));
                ctx.progress(decisions.size() / (double) (xs.length * ys.length), "patch " + decisions.size());
            }
        }
        return decisions;
    }

    private static int[] starts(int length, int side) {
        int n = (length + side - 1) / side;
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.min(i * side, length - side);
        }
        return s;
    }
}
