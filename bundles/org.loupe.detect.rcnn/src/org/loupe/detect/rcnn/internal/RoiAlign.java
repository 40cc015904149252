package org.loupe.detect.rcnn.internal;

import java.util.Arrays;
import org.loupe.detect.learned.PyramidBackbone;

/**
 * RoIAlign: a region's features as a fixed {@value #BINS} x {@value #BINS} grid, each bin the mean of 2 x 2
 * bilinear samples of the feature map at the bin's quarter points (no rounding of the region to cells). Training
 * computes it inside TensorFlow with CropAndResize to {@value #SAMPLES} x {@value #SAMPLES} followed by 2 x 2
 * average pooling, given the region as {@link #box}; inference computes the same numbers here, in Java, on the
 * proposals of the first stage. Samples outside the map read zero, as CropAndResize's do.
 */
final class RoiAlign {

    /** Bins per side of a region's features. */
    static final int BINS = 7;
    /** Samples per side: two per bin. */
    static final int SAMPLES = 2 * BINS;

    private RoiAlign() {
    }

    /**
     * The region (x1, y1, x2, y2 in image pixels) as CropAndResize's box on a {@code fw} x {@code fh} feature map:
     * y1, x1, y2, x2 of the first and last sample, where 0 and 1 are the centres of the first and last cell.
     */
    static float[] box(double x1, double y1, double x2, double y2, int fw, int fh) {
        return new float[] {edge(y1, y2, fh, false), edge(x1, x2, fw, false), edge(y1, y2, fh, true),
                edge(x1, x2, fw, true)};
    }

    private static float edge(double lo, double hi, int cells, boolean last) {
        // a pixel coordinate p lies at p / stride - 0.5 in cells; the samples sit a quarter bin inside the edges
        double a = lo / PyramidBackbone.STRIDE - 0.5;
        double b = hi / PyramidBackbone.STRIDE - 0.5;
        double quarter = (b - a) / BINS / 4;
        return (float) ((last ? b - quarter : a + quarter) / (cells - 1));
    }

    /**
     * Writes the region's features, [{@value #BINS}, {@value #BINS}, channels] row-major, into {@code out} from
     * {@code at}.
     *
     * @param features [fh, fw, channels] row-major
     * @param box      from {@link #box}
     */
    static void crop(float[] features, int fw, int fh, int channels, float[] box, float[] out, int at) {
        float[] sample = new float[channels];
        Arrays.fill(out, at, at + BINS * BINS * channels, 0f);
        float hs = (box[2] - box[0]) * (fh - 1) / (SAMPLES - 1);
        float ws = (box[3] - box[1]) * (fw - 1) / (SAMPLES - 1);
        for (int sy = 0; sy < SAMPLES; sy++) {
            float y = box[0] * (fh - 1) + sy * hs;
            for (int sx = 0; sx < SAMPLES; sx++) {
                float x = box[1] * (fw - 1) + sx * ws;
                bilinear(features, fw, fh, channels, x, y, sample);
                int o = at + ((sy / 2) * BINS + sx / 2) * channels;
                for (int c = 0; c < channels; c++) {
                    out[o + c] += sample[c] * 0.25f;
                }
            }
        }
    }

    /** One bilinear sample, computed as CropAndResize computes it; zero outside the map. */
    private static void bilinear(float[] f, int fw, int fh, int channels, float x, float y, float[] out) {
        if (y < 0 || y > fh - 1 || x < 0 || x > fw - 1) {
            Arrays.fill(out, 0f);
            return;
        }
        int top = (int) Math.floor(y);
        int bottom = (int) Math.ceil(y);
        int left = (int) Math.floor(x);
        int right = (int) Math.ceil(x);
        float yl = y - top;
        float xl = x - left;
        int tl = (top * fw + left) * channels;
        int tr = (top * fw + right) * channels;
        int bl = (bottom * fw + left) * channels;
        int br = (bottom * fw + right) * channels;
        for (int c = 0; c < channels; c++) {
            float t = f[tl + c] + (f[tr + c] - f[tl + c]) * xl;
            float b = f[bl + c] + (f[br + c] - f[bl + c]) * xl;
            out[c] = t + (b - t) * yl;
        }
    }
}
