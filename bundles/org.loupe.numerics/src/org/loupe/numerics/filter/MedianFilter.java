package org.loupe.numerics.filter;

import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.api.RowStrips;
import org.loupe.image.GrayF32;
import org.loupe.image.GrayU16;
import org.loupe.image.GrayU8;
import org.loupe.image.PixelImage;
import org.loupe.numerics.Bands;

/**
 * The exact median over a square window of any odd size, for 8-bit, 16-bit and float images (colour band by band).
 * Pixels outside the image take the value of the nearest edge pixel (replicate border, as OpenCV's
 * {@code medianBlur} and scikit-image's {@code median} with mode "nearest"). The output has the input's type; since
 * a median is one of the input values, there is no rounding.
 *
 * <p>8-bit images use Huang's sliding histogram with a tracked median (O(size) per pixel). 16-bit images use direct
 * selection for windows up to 7x7 and a 65536-bin sliding histogram above; float images use direct selection.
 */
public final class MedianFilter {

    private static final int SELECTION_LIMIT_U16 = 7;

    private MedianFilter() {
    }

    /**
     * The median-filtered image.
     *
     * @param size window side, odd and at least 1
     * @throws LoupeException CANCELLED if the context is cancelled
     */
    public static PixelImage apply(PixelImage src, int size, ProcessingContext ctx) throws LoupeException {
        if (size < 1 || size % 2 == 0) {
            throw new IllegalArgumentException("median window must be odd and positive: " + size);
        }
        String message = "median " + size + "x" + size;
        return Bands.perBand(src, band -> {
            PixelImage dst = band.blank(band.width(), band.height());
            RowStrips.run(band.height(), ctx, message, (y0, y1) -> rows(band, dst, size, y0, y1));
            return dst;
        });
    }

    /** Computes output rows {@code [y0, y1)} of a single-band image into {@code dst}. */
    static void rows(PixelImage src, PixelImage dst, int size, int y0, int y1) {
        if (src instanceof GrayU8 s) {
            huangU8(s, (GrayU8) dst, size, y0, y1);
        } else if (src instanceof GrayU16 s) {
            if (size <= SELECTION_LIMIT_U16) {
                selectU16(s, (GrayU16) dst, size, y0, y1);
            } else {
                huangU16(s, (GrayU16) dst, size, y0, y1);
            }
        } else if (src instanceof GrayF32 s) {
            selectF32(s, (GrayF32) dst, size, y0, y1);
        } else {
            throw new IllegalArgumentException("median needs a single-band image, got " + src.type());
        }
    }

    private static void huangU8(GrayU8 src, GrayU8 dst, int size, int y0, int y1) {
        SlidingHistogram h = new SlidingHistogram(256, size * size / 2);
        int r = size / 2;
        int w = src.width();
        for (int y = y0; y < y1; y++) {
            h.clear();
            for (int dy = -r; dy <= r; dy++) {
                int row = src.offset() + Border.clamp(y + dy, src.height()) * src.stride();
                for (int dx = -r; dx <= r; dx++) {
                    h.add(src.data()[row + Border.clamp(dx, w)] & 0xFF);
                }
            }
            int out = dst.offset() + y * dst.stride();
            dst.data()[out] = (byte) h.median();
            for (int x = 1; x < w; x++) {
                int leaving = Border.clamp(x - r - 1, w);
                int entering = Border.clamp(x + r, w);
                for (int dy = -r; dy <= r; dy++) {
                    int row = src.offset() + Border.clamp(y + dy, src.height()) * src.stride();
                    h.remove(src.data()[row + leaving] & 0xFF);
                    h.add(src.data()[row + entering] & 0xFF);
                }
                dst.data()[out + x] = (byte) h.median();
            }
        }
    }

    private static void huangU16(GrayU16 src, GrayU16 dst, int size, int y0, int y1) {
        SlidingHistogram h = new SlidingHistogram(65536, size * size / 2);
        int r = size / 2;
        int w = src.width();
        for (int y = y0; y < y1; y++) {
            h.clear();
            for (int dy = -r; dy <= r; dy++) {
                int row = src.offset() + Border.clamp(y + dy, src.height()) * src.stride();
                for (int dx = -r; dx <= r; dx++) {
                    h.add(src.data()[row + Border.clamp(dx, w)] & 0xFFFF);
                }
            }
            int out = dst.offset() + y * dst.stride();
            dst.data()[out] = (short) h.median();
            for (int x = 1; x < w; x++) {
                int leaving = Border.clamp(x - r - 1, w);
                int entering = Border.clamp(x + r, w);
                for (int dy = -r; dy <= r; dy++) {
                    int row = src.offset() + Border.clamp(y + dy, src.height()) * src.stride();
                    h.remove(src.data()[row + leaving] & 0xFFFF);
                    h.add(src.data()[row + entering] & 0xFFFF);
                }
                dst.data()[out + x] = (short) h.median();
            }
        }
    }

    private static void selectU16(GrayU16 src, GrayU16 dst, int size, int y0, int y1) {
        int r = size / 2;
        int n = size * size;
        int[] window = new int[n];
        int[] rows = new int[size];
        int[] cols = Border.clampedRange(-r, src.width() + r, src.width());
        for (int y = y0; y < y1; y++) {
            for (int dy = 0; dy < size; dy++) {
                rows[dy] = src.offset() + Border.clamp(y + dy - r, src.height()) * src.stride();
            }
            int out = dst.offset() + y * dst.stride();
            for (int x = 0; x < src.width(); x++) {
                int k = 0;
                for (int dy = 0; dy < size; dy++) {
                    for (int dx = 0; dx < size; dx++) {
                        window[k++] = src.data()[rows[dy] + cols[x + dx]] & 0xFFFF;
                    }
                }
                dst.data()[out + x] = (short) Selection.median(window, n);
            }
        }
    }

    private static void selectF32(GrayF32 src, GrayF32 dst, int size, int y0, int y1) {
        int r = size / 2;
        int n = size * size;
        float[] window = new float[n];
        int[] rows = new int[size];
        int[] cols = Border.clampedRange(-r, src.width() + r, src.width());
        for (int y = y0; y < y1; y++) {
            for (int dy = 0; dy < size; dy++) {
                rows[dy] = src.offset() + Border.clamp(y + dy - r, src.height()) * src.stride();
            }
            int out = dst.offset() + y * dst.stride();
            for (int x = 0; x < src.width(); x++) {
                int k = 0;
                for (int dy = 0; dy < size; dy++) {
                    for (int dx = 0; dx < size; dx++) {
                        window[k++] = src.data()[rows[dy] + cols[x + dx]];
                    }
                }
                dst.data()[out + x] = Selection.median(window, n);
            }
        }
    }
}
