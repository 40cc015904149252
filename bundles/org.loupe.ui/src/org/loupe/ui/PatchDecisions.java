package org.loupe.ui;

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
 * every pixel is covered), each classified against the same window of the reference.
 */
public final class PatchDecisions {

    private PatchDecisions() {
    }

    /**
     * One mark per window, labelled with the classifier's verdict.
     *
     * @param reference the golden image, same size as {@code image}, or null for classifiers that need none
     * @throws LoupeException USAGE if the image is smaller than one patch, else as the classifier
     */
    public static List<Mark> classify(PixelImage image, PixelImage reference, int side,
            ProviderHandle<DefectClassifier> classifier, ProcessingContext ctx) throws LoupeException {
        if (side < 1 || image.width() < side || image.height() < side) {
            throw LoupeException.usage("patches of " + side + " px do not fit a " + image.width() + "x"
                    + image.height() + " image");
        }
        int[] xs = starts(image.width(), side);
        int[] ys = starts(image.height(), side);
        List<Mark> marks = new ArrayList<>(xs.length * ys.length);
        for (int y : ys) {
            for (int x : xs) {
                ctx.checkCancelled();
                Region r = new Region(x, y, side, side);
                PixelImage patch = image.view(r).copy();
                PixelImage golden = reference == null ? null : reference.view(r).copy();
                Classification c = classifier.call(k -> k.classify(patch, golden, ctx));
                marks.add(new Mark(Mark.Kind.PATCH, x, y, x + side, y + side, c.label(), c.confidence()));
                ctx.progress(marks.size() / (double) (xs.length * ys.length), "patch " + marks.size());
            }
        }
        return marks;
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
