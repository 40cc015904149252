package org.loupe.numerics.regions;

/**
 * Binary erosion and dilation with square structuring elements, done separably (a row pass, then a column pass), on
 * row-major masks of zeros and ones ({@code w} by {@code h}). Pixels outside the image count as zero. Erosion
 * counts runs of ones; dilation paints around each one, which is cheap because difference and defect masks are
 * sparse. {@code erode} then {@code dilate} is the opening that removes specks narrower than the square.
 */
public final class Morphology {

    private Morphology() {
    }

    /** Erosion with a (2r+1) x (2r+1) square. */
    public static byte[] erode(byte[] mask, int w, int h, int r) {
        return erodeColumns(erodeRows(mask, w, h, r), w, h, r);
    }

    /** Dilation with a (2r+1) x (2r+1) square. */
    public static byte[] dilate(byte[] mask, int w, int h, int r) {
        return dilateAlong(dilateAlong(mask, w, h, r, true), w, h, r, false);
    }

    /** A pixel stays if the 2r+1 pixels centred on it in its row are all ones: the run ending r further is long. */
    private static byte[] erodeRows(byte[] in, int w, int h, int r) {
        byte[] out = new byte[in.length];
        int full = 2 * r + 1;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int run = 0;
            for (int x = 0; x < w; x++) {
                run = in[row + x] != 0 ? run + 1 : 0;
                if (run >= full) {
                    out[row + x - r] = 1;
                }
            }
        }
        return out;
    }

    /** The same down each column, keeping one run length per column so rows are read in order. */
    private static byte[] erodeColumns(byte[] in, int w, int h, int r) {
        byte[] out = new byte[in.length];
        int[] run = new int[w];
        int full = 2 * r + 1;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                run[x] = in[row + x] != 0 ? run[x] + 1 : 0;
                if (run[x] >= full) {
                    out[row - r * w + x] = 1;
                }
            }
        }
        return out;
    }

    /** Paints the r pixels either side of every one along its row ({@code alongRows}) or its column. */
    private static byte[] dilateAlong(byte[] in, int w, int h, int r, boolean alongRows) {
        byte[] out = new byte[in.length];
        int step = alongRows ? 1 : w;
        int length = alongRows ? w : h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (in[i] != 0) {
                    int at = alongRows ? x : y;
                    for (int k = Math.max(0, at - r); k <= Math.min(length - 1, at + r); k++) {
                        out[i + (k - at) * step] = 1;
                    }
                }
            }
        }
        return out;
    }
}
