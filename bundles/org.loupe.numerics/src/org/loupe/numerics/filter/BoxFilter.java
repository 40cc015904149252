package org.loupe.numerics.filter;

import java.util.Arrays;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.PixelImage;

/**
 * The mean over a square window of odd size (SciPy's {@code uniform_filter} with mode "nearest", OpenCV's
 * {@code blur} with a replicated border). Integer outputs are rounded half up and saturated.
 */
public final class BoxFilter {

    private BoxFilter() {
    }

    /**
     * The filtered image, of the input's type.
     *
     * @param size window side, odd and at least 1
     * @throws LoupeException CANCELLED if the context is cancelled
     */
    public static PixelImage apply(PixelImage src, int size, ProcessingContext ctx) throws LoupeException {
        if (size < 1 || size % 2 == 0) {
            throw new IllegalArgumentException("box window must be odd and positive: " + size);
        }
        double[] k = new double[size];
        Arrays.fill(k, 1.0 / size);
        return SeparableFilter.apply(src, k, "box", ctx);
    }
}
