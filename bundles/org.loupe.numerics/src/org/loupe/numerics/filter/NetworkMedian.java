package org.loupe.numerics.filter;

import org.loupe.image.GrayF32;
import org.loupe.image.GrayU16;
import org.loupe.image.GrayU8;
import org.loupe.image.PixelImage;
import org.loupe.numerics.Simd;

/**
 * Small medians by a selection network applied to whole rows: for each output row, one array per window position
 * (k x k arrays of the row's width, read with replicated borders), the network's min/max passes over them, and the
 * middle array is the output row.
 */
final class NetworkMedian {

    private NetworkMedian() {
    }

    static void rows(PixelImage src, PixelImage dst, SelectionNetwork net, int y0, int y1) {
        if (src instanceof GrayF32 f) {
            floats(f, (GrayF32) dst, net, y0, y1);
        } else if (Simd.enabled()) {
            VectorMedian.rows(src, dst, net, y0, y1);
        } else {
            ints(src, dst, net, y0, y1);
        }
    }

    private static void ints(PixelImage src, PixelImage dst, SelectionNetwork net, int y0, int y1) {
        int k = net.side();
        int r = k / 2;
        int w = src.width();
        int[][] padded = new int[k][w + 2 * r];
        int[][] v = new int[net.size][w];
        for (int y = y0; y < y1; y++) {
            for (int dy = 0; dy < k; dy++) {
                readPadded(src, Border.clamp(y + dy - r, src.height()), padded[dy], r);
            }
            for (int dy = 0; dy < k; dy++) {
                for (int dx = 0; dx < k; dx++) {
                    System.arraycopy(padded[dy], dx, v[dy * k + dx], 0, w);
                }
            }
            net.apply(v, w);
            int[] out = v[net.size / 2];
            int o = dst.offset() + y * dst.stride();
            if (dst instanceof GrayU8 d) {
                for (int x = 0; x < w; x++) {
                    d.data()[o + x] = (byte) out[x];
                }
            } else {
                short[] d = ((GrayU16) dst).data();
                for (int x = 0; x < w; x++) {
                    d[o + x] = (short) out[x];
                }
            }
        }
    }

    private static void readPadded(PixelImage src, int y, int[] row, int r) {
        int w = src.width();
        int s = src.offset() + y * src.stride();
        if (src instanceof GrayU8 g) {
            byte[] d = g.data();
            for (int x = 0; x < w; x++) {
                row[r + x] = d[s + x] & 0xFF;
            }
        } else {
            short[] d = ((GrayU16) src).data();
            for (int x = 0; x < w; x++) {
                row[r + x] = d[s + x] & 0xFFFF;
            }
        }
        for (int i = 0; i < r; i++) {
            row[i] = row[r];
            row[r + w + i] = row[r + w - 1];
        }
    }

    private static void floats(GrayF32 src, GrayF32 dst, SelectionNetwork net, int y0, int y1) {
        int k = net.side();
        int r = k / 2;
        int w = src.width();
        float[][] padded = new float[k][w + 2 * r];
        float[][] v = new float[net.size][w];
        for (int y = y0; y < y1; y++) {
            for (int dy = 0; dy < k; dy++) {
                float[] row = padded[dy];
                System.arraycopy(src.data(), src.offset() + Border.clamp(y + dy - r, src.height()) * src.stride(),
                        row, r, w);
                for (int i = 0; i < r; i++) {
                    row[i] = row[r];
                    row[r + w + i] = row[r + w - 1];
                }
            }
            for (int dy = 0; dy < k; dy++) {
                for (int dx = 0; dx < k; dx++) {
                    System.arraycopy(padded[dy], dx, v[dy * k + dx], 0, w);
                }
            }
            net.apply(v, w);
            System.arraycopy(v[net.size / 2], 0, dst.data(), dst.offset() + y * dst.stride(), w);
        }
    }
}
