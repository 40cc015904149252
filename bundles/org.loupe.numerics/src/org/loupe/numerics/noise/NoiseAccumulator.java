package org.loupe.numerics.noise;

import java.util.Arrays;
import org.loupe.image.PixelImage;
import org.loupe.numerics.stats.GaussianFit;
import org.loupe.numerics.stats.Histogram;

/**
 * Pools the pixel differences clean minus noisy over image pairs, as the noise analysis of Shim, Kim et al. does
 * (HQ minus LQ, all pixels and bands of all pairs). Keeps exact sums for the moments and a histogram whose bins are
 * centred on multiples of the bin width (width 1 for integer images, so each grey-level difference has its own bin).
 * Not thread-safe.
 */
public final class NoiseAccumulator {

    private static final int INITIAL_BINS = 1024;

    private final String name;
    private final double binWidth;
    private long[] counts = new long[INITIAL_BINS];
    private long firstIndex = -INITIAL_BINS / 2;
    private long count;
    private double sum;
    private double sumOfSquares;
    private int pairs;

    /**
     * @param name     name of the set, for the result
     * @param binWidth histogram bin width in pixel units; 1 for integer images
     */
    public NoiseAccumulator(String name, double binWidth) {
        if (!(binWidth > 0)) {
            throw new IllegalArgumentException("bin width must be positive: " + binWidth);
        }
        this.name = name;
        this.binWidth = binWidth;
    }

    /** The natural bin width for images of this type: 1 grey level for integers, 1/1024 for float. */
    public static double binWidthFor(PixelImage image) {
        return image.type().pixelType().isInteger() ? 1.0 : 1.0 / 1024;
    }

    /**
     * Adds one pair.
     *
     * @throws IllegalArgumentException if the images differ in size or type, or hold NaN or infinite values
     */
    public void add(PixelImage noisy, PixelImage clean) {
        if (!noisy.type().equals(clean.type()) || noisy.width() != clean.width() || noisy.height() != clean.height()) {
            throw new IllegalArgumentException("the noisy image is " + noisy.type() + " " + noisy.width() + "x"
                    + noisy.height() + " but the clean one is " + clean.type() + " " + clean.width() + "x"
                    + clean.height());
        }
        for (int y = 0; y < noisy.height(); y++) {
            for (int x = 0; x < noisy.width(); x++) {
                for (int b = 0; b < noisy.bands(); b++) {
                    double d = (double) clean.getFloat(x, y, b) - noisy.getFloat(x, y, b);
                    if (!Double.isFinite(d)) {
                        throw new IllegalArgumentException("non-finite pixel value at (" + x + ", " + y + ")");
                    }
                    count++;
                    sum += d;
                    sumOfSquares += d * d;
                    bin(Math.round(d / binWidth));
                }
            }
        }
        pairs++;
    }

    private void bin(long index) {
        long i = index - firstIndex;
        if (i < 0 || i >= counts.length) {
            grow(index);
            i = index - firstIndex;
        }
        counts[(int) i]++;
    }

    private void grow(long index) {
        long lo = Math.min(firstIndex, index);
        long hi = Math.max(firstIndex + counts.length - 1, index);
        long size = Math.max(2L * counts.length, hi - lo + 1);
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("differences span too many histogram bins; use a wider bin");
        }
        long[] bigger = new long[(int) size];
        long newFirst = index < firstIndex ? hi - size + 1 : lo;
        System.arraycopy(counts, 0, bigger, (int) (firstIndex - newFirst), counts.length);
        counts = bigger;
        firstIndex = newFirst;
    }

    /**
     * The statistics so far.
     *
     * @throws IllegalStateException if fewer than two pixels were added
     */
    public NoiseStats result() {
        if (count < 2) {
            throw new IllegalStateException("no image pairs were analysed");
        }
        int lo = 0;
        while (counts[lo] == 0) {
            lo++;
        }
        int hi = counts.length - 1;
        while (counts[hi] == 0) {
            hi--;
        }
        Histogram h = new Histogram((firstIndex + lo - 0.5) * binWidth, binWidth,
                Arrays.copyOfRange(counts, lo, hi + 1));
        return new NoiseStats(name, pairs, GaussianFit.of(count, sum, sumOfSquares, h), h);
    }
}
