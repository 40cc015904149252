package org.loupe.tensorflow.train;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.PixelImage;
import org.loupe.image.Region;
import org.loupe.numerics.resample.Interpolation;
import org.loupe.numerics.resample.Resize;

/**
 * Mini-batches of aligned patches cut at random from pairs of images (noisy and clean, low and high resolution), for
 * image-to-image training. Each patch is augmented at random with one of the eight flips and 90-degree rotations and
 * with a rescaling of both images; input and target always get the same transform, so they stay aligned. Batch
 * {@code i} depends only on {@code i} and the seed (see {@link BatchSource}).
 */
public final class PatchSampler implements BatchSource {

    /**
     * One training pair: the target is {@code upscale} times the input's size.
     *
     * @param input  what the network sees
     * @param target what it should produce
     */
    public record Pair(PixelImage input, PixelImage target) {
    }

    /**
     * Which random transforms to apply.
     *
     * @param dihedral whether to apply one of the eight flips and rotations by multiples of 90 degrees
     * @param scales   zoom factors to choose from (1 keeps the pixels as they are; 0.5 shows a twice larger area
     *                 shrunk with an antialiased bicubic filter); empty or {1} for none
     */
    public record Augmentation(boolean dihedral, double... scales) {

        /** No augmentation. */
        public static Augmentation none() {
            return new Augmentation(false, 1);
        }

        /** Checks the scales. */
        public Augmentation {
            scales = scales == null || scales.length == 0 ? new double[] {1} : scales.clone();
            for (double s : scales) {
                if (!(s > 0 && s <= 1)) {
                    throw new IllegalArgumentException("augmentation scales must lie in (0, 1], not " + s);
                }
            }
        }
    }

    private final List<Pair> pairs;
    private final int patch;
    private final int upscale;
    private final int batchSize;
    private final double inputScale;
    private final double targetScale;
    private final Augmentation augmentation;
    private final long seed;
    private final int candidates;

    /**
     * @param patch       patch side in input pixels (the target patch is {@code upscale} times larger)
     * @param inputScale  input samples are divided by this
     * @param targetScale target samples are divided by this
     * @throws IllegalArgumentException if a pair is smaller than a patch, sizes do not match {@code upscale}, or band
     *                                  counts differ between pairs
     */
    public PatchSampler(List<Pair> pairs, int patch, int upscale, int batchSize, double inputScale,
            double targetScale, Augmentation augmentation, long seed) {
        this(pairs, patch, upscale, batchSize, inputScale, targetScale, augmentation, seed, 1);
    }

    private PatchSampler(List<Pair> pairs, int patch, int upscale, int batchSize, double inputScale,
            double targetScale, Augmentation augmentation, long seed, int candidates) {
        if (pairs.isEmpty() || patch < 1 || upscale < 1 || batchSize < 1) {
            throw new IllegalArgumentException("a patch sampler needs pairs, a patch size, an upscale and a batch size");
        }
        for (Pair p : pairs) {
            if (p.target().width() != p.input().width() * upscale
                    || p.target().height() != p.input().height() * upscale) {
                throw new IllegalArgumentException("a target of " + p.target().width() + "x" + p.target().height()
                        + " does not match an input of " + p.input().width() + "x" + p.input().height() + " at x"
                        + upscale);
            }
            if (p.input().width() < patch || p.input().height() < patch) {
                throw new IllegalArgumentException("an input of " + p.input().width() + "x" + p.input().height()
                        + " is smaller than a " + patch + "-pixel patch");
            }
            if (p.input().bands() != pairs.get(0).input().bands()
                    || p.target().bands() != pairs.get(0).target().bands()) {
                throw new IllegalArgumentException("all pairs need the same band counts");
            }
        }
        this.pairs = List.copyOf(pairs);
        this.patch = patch;
        this.upscale = upscale;
        this.batchSize = batchSize;
        this.inputScale = inputScale;
        this.targetScale = targetScale;
        this.augmentation = augmentation;
        this.seed = seed;
        this.candidates = candidates;
    }

    /**
     * The same sampler, but each patch is the most detailed of {@code n} random candidates (largest mean absolute
     * deviation of the target), so that flat areas such as sky, which teach a network little, are drawn less often.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public PatchSampler preferDetail(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("the number of candidate patches must be at least 1, not " + n);
        }
        return new PatchSampler(pairs, patch, upscale, batchSize, inputScale, targetScale, augmentation, seed, n);
    }

    @Override
    public Batch batch(long index) {
        SplittableRandom random = new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L));
        int inBands = pairs.get(0).input().bands();
        int outBands = pairs.get(0).target().bands();
        int tp = patch * upscale;
        float[] in = new float[batchSize * patch * patch * inBands];
        float[] out = new float[batchSize * tp * tp * outBands];
        for (int n = 0; n < batchSize; n++) {
            Cut cut = cut(random);
            for (int c = 1; c < candidates; c++) {
                Cut other = cut(random);
                if (other.detail > cut.detail) {
                    cut = other;
                }
            }
            int transform = augmentation.dihedral() ? random.nextInt(8) : 0;
            write(crop(cut.input, patch), transform, inputScale, in, n);
            write(crop(cut.target, tp), transform, targetScale, out, n);
        }
        return new Batch(in, new long[] {batchSize, patch, patch, inBands}, out,
                new long[] {batchSize, tp, tp, outBands});
    }

    /** A random square region of a random pair, before resizing; detail is measured only with candidates. */
    private record Cut(PixelImage input, PixelImage target, double detail) {
    }

    private Cut cut(SplittableRandom random) {
        Pair pair = pairs.get(random.nextInt(pairs.size()));
        double[] scales = augmentation.scales();
        double scale = scales[random.nextInt(scales.length)];
        int area = (int) Math.min(Math.round(patch / scale), Math.min(pair.input().width(), pair.input().height()));
        int x0 = random.nextInt(pair.input().width() - area + 1);
        int y0 = random.nextInt(pair.input().height() - area + 1);
        PixelImage target = pair.target().view(new Region(x0 * upscale, y0 * upscale, area * upscale,
                area * upscale));
        return new Cut(pair.input().view(new Region(x0, y0, area, area)), target,
                candidates > 1 ? meanAbsoluteDeviation(target) : 0);
    }

    private static double meanAbsoluteDeviation(PixelImage p) {
        double[] values = new double[Math.toIntExact(p.pixelCount() * p.bands())];
        int i = 0;
        for (int y = 0; y < p.height(); y++) {
            for (int x = 0; x < p.width(); x++) {
                for (int b = 0; b < p.bands(); b++) {
                    values[i++] = p.getFloat(x, y, b);
                }
            }
        }
        double mean = Arrays.stream(values).average().orElse(0);
        return Arrays.stream(values).map(v -> Math.abs(v - mean)).average().orElse(0);
    }

    /** A square view resized to {@code side} if it differs. */
    private static PixelImage crop(PixelImage view, int side) {
        if (view.width() == side) {
            return view;
        }
        try {
            return Resize.toSize(view, side, side, Interpolation.BICUBIC, true, ProcessingContext.none());
        } catch (LoupeException e) {
            throw new IllegalStateException("resizing a patch failed", e);
        }
    }

    /**
     * Writes a square patch into batch slot {@code n} of an NHWC array under symmetry {@code t} ({@link Dihedral}).
     */
    private static void write(PixelImage p, int t, double scale, float[] dst, int n) {
        int s = p.width();
        int c = p.bands();
        float inv = (float) (1 / scale);
        int base = n * s * s * c;
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                int from = Dihedral.sourceIndex(x, y, s, t);
                int sx = from % s;
                int sy = from / s;
                for (int b = 0; b < c; b++) {
                    dst[base + (y * s + x) * c + b] = p.getFloat(sx, sy, b) * inv;
                }
            }
        }
    }
}
