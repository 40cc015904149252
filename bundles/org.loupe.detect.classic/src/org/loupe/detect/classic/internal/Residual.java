package org.loupe.detect.classic.internal;

import java.util.Arrays;
import org.loupe.image.FloatImages;
import org.loupe.image.GrayF32;
import org.loupe.image.GrayU8;
import org.loupe.image.PixelImage;

/**
 * How far each pixel departs from its surroundings, in grey levels of an 8-bit scale: the image is smoothed with a
 * box of the given size, and its background at each pixel is the running median along the row or along the column,
 * whichever is closer to the pixel. Horizontal and vertical structure (a die grid's streets, a board's traces) is
 * thus background, and so is slow illumination; a particle, or a line at an angle to the axes, is not.
 */
final class Residual {

    /** Window of the running medians: longer than the defects, shorter than the illumination changes. */
    static final int WINDOW = 31;

    /** The image on an 8-bit scale, as integers. */
    final int[] grey;
    /** The smoothed image minus its background. */
    final int[] residual;
    /** The image itself minus the same background: sharper, noisier. */
    final int[] raw;
    final int width;
    final int height;

    private Residual(int[] grey, int[] residual, int[] raw, int width, int height) {
        this.grey = grey;
        this.residual = residual;
        this.raw = raw;
        this.width = width;
        this.height = height;
    }

    static Residual of(PixelImage image, int blur) {
        int w = image.width();
        int h = image.height();
        int[] grey = grey(image);
        int[] smooth = box(box(grey, w, h, blur, true), w, h, blur, false);
        int[] rows = runningMedian(smooth, w, h);
        // the column pass runs on the transposed image: rows are contiguous in memory, columns are not
        int[] cols = transpose(runningMedian(transpose(smooth, w, h), h, w), h, w);
        int[] residual = new int[w * h];
        int[] raw = new int[w * h];
        for (int i = 0; i < residual.length; i++) {
            int a = smooth[i] - rows[i];
            int c = smooth[i] - cols[i];
            boolean byRow = Math.abs(a) < Math.abs(c);
            residual[i] = byRow ? a : c;
            raw[i] = grey[i] - (byRow ? rows[i] : cols[i]);
        }
        return new Residual(grey, residual, raw, w, h);
    }

    /** A box mean of odd size along rows or columns, the border replicated. */
    private static int[] box(int[] in, int w, int h, int size, boolean alongRows) {
        if (size <= 1) {
            return in;
        }
        int r = size / 2;
        int[] out = new int[in.length];
        int lines = alongRows ? h : w;
        int length = alongRows ? w : h;
        int step = alongRows ? 1 : w;
        for (int l = 0; l < lines; l++) {
            int base = alongRows ? l * w : l;
            int sum = 0;
            for (int k = -r; k <= r; k++) {
                sum += in[base + clamp(k, length) * step];
            }
            for (int i = 0; i < length; i++) {
                out[base + i * step] = (sum + r) / size;
                sum += in[base + clamp(i + r + 1, length) * step] - in[base + clamp(i - r, length) * step];
            }
        }
        return out;
    }

    /** The median of the {@link #WINDOW} values centred on each pixel along its row, by a running histogram. */
    private static int[] runningMedian(int[] in, int w, int h) {
        int r = WINDOW / 2;
        int[] out = new int[in.length];
        int[] hist = new int[256];
        for (int y = 0; y < h; y++) {
            int base = y * w;
            Arrays.fill(hist, 0);
            for (int k = -r; k <= r; k++) {
                hist[in[base + clamp(k, w)]]++;
            }
            // the median m is the value with at most r values below it and more than r at or below it
            int m = 0;
            int below = 0;
            while (below + hist[m] <= r) {
                below += hist[m++];
            }
            for (int i = 0; i < w; i++) {
                out[base + i] = m;
                int leaving = in[base + clamp(i - r, w)];
                int entering = in[base + clamp(i + r + 1, w)];
                hist[leaving]--;
                below -= leaving < m ? 1 : 0;
                hist[entering]++;
                below += entering < m ? 1 : 0;
                while (below > r) {
                    below -= hist[--m];
                }
                while (below + hist[m] <= r) {
                    below += hist[m++];
                }
            }
        }
        return out;
    }

    private static int[] transpose(int[] in, int w, int h) {
        int[] out = new int[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[x * h + y] = in[y * w + x];
            }
        }
        return out;
    }

    /** The image on an 8-bit scale; 8-bit grey images are read directly. */
    private static int[] grey(PixelImage image) {
        int w = image.width();
        int h = image.height();
        int[] grey = new int[w * h];
        if (image instanceof GrayU8 g) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    grey[y * w + x] = g.get(x, y);
                }
            }
            return grey;
        }
        GrayF32 b = FloatImages.brightness(image);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                grey[y * w + x] = Math.round(Math.max(0, Math.min(1, b.get(x, y))) * 255);
            }
        }
        return grey;
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : i >= n ? n - 1 : i;
    }
}
