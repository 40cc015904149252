package org.loupe.tensorflow;

import java.util.ArrayList;
import java.util.List;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.ImageType;
import org.loupe.image.Layout;
import org.loupe.image.PixelImage;
import org.loupe.image.PixelType;
import org.loupe.image.Region;

/**
 * Runs a model over a large image tile by tile, so that the model's working memory is bounded by the tile size
 * whatever the frame (1936x1536 or 1900x1900 X-ray frames, or larger). Tiles overlap by {@code overlap} input pixels
 * and are blended: inside each overlap, the outer quarter next to a tile's edge gets weight 0 (the pixels a
 * convolution computes from padding), the middle half fades linearly from one tile to the next, and the weights are
 * normalised. For a model whose receptive-field radius is at most {@code overlap / 4}, the result therefore equals
 * running it on the whole image; for others the seams are invisible cross-fades. Memory: the output and a weight
 * plane, plus one tile at a time.
 */
public final class TiledInference {

    /** The model on one tile: returns an image {@code upscale} times the tile's size. */
    @FunctionalInterface
    public interface TileModel {
        /** Runs on one tile (a view of the input; do not keep it). */
        PixelImage run(PixelImage tile) throws LoupeException;
    }

    private TiledInference() {
    }

    /**
     * Applies the model tile by tile.
     *
     * @param tile    tile side in input pixels; an image no larger than a tile is one tile
     * @param overlap overlap between neighbouring tiles, less than the tile side
     * @param upscale output size over input size
     * @param outType storage type of the result
     * @throws LoupeException CANCELLED between tiles, or whatever the model throws
     */
    public static PixelImage apply(PixelImage input, int tile, int overlap, int upscale, PixelType outType,
            TileModel model, ProcessingContext ctx) throws LoupeException {
        if (tile < 1 || overlap < 0 || overlap >= tile || upscale < 1) {
            throw new IllegalArgumentException("invalid tiling: tile " + tile + ", overlap " + overlap);
        }
        List<Integer> xs = starts(input.width(), tile, overlap);
        List<Integer> ys = starts(input.height(), tile, overlap);
        int ow = input.width() * upscale;
        int oh = input.height() * upscale;
        float[][] acc = null;
        float[] weight = new float[ow * oh];
        int done = 0;
        for (int y0 : ys) {
            for (int x0 : xs) {
                ctx.checkCancelled();
                int tw = Math.min(tile, input.width());
                int th = Math.min(tile, input.height());
                PixelImage out = model.run(input.view(new Region(x0, y0, tw, th)));
                if (out.width() != tw * upscale || out.height() != th * upscale) {
                    throw new IllegalStateException("the model returned " + out.width() + "x" + out.height()
                            + " for a " + tw + "x" + th + " tile at upscale " + upscale);
                }
                if (acc == null) {
                    acc = new float[out.bands()][ow * oh];
                }
                float[] wx = ramp(tw * upscale, x0 > 0, x0 + tw < input.width(), overlap * upscale);
                float[] wy = ramp(th * upscale, y0 > 0, y0 + th < input.height(), overlap * upscale);
                for (int y = 0; y < out.height(); y++) {
                    int row = (y0 * upscale + y) * ow + x0 * upscale;
                    for (int x = 0; x < out.width(); x++) {
                        float w = wx[x] * wy[y];
                        if (w == 0) {
                            continue;
                        }
                        weight[row + x] += w;
                        for (int b = 0; b < acc.length; b++) {
                            acc[b][row + x] += w * out.getFloat(x, y, b);
                        }
                    }
                }
                ctx.progress(++done / (double) (xs.size() * ys.size()), "tile " + done);
            }
        }
        return assemble(acc, weight, ow, oh, outType, input);
    }

    /** Tile starts: every {@code tile - overlap} pixels, the last one moved back to end at the image edge. */
    static List<Integer> starts(int length, int tile, int overlap) {
        List<Integer> s = new ArrayList<>();
        if (length <= tile) {
            s.add(0);
            return s;
        }
        for (int p = 0;; p += tile - overlap) {
            if (p + tile >= length) {
                s.add(length - tile);
                return s;
            }
            s.add(p);
        }
    }

    /** Per-pixel weights along one side of a tile's output; ramps only on sides that border another tile. */
    static float[] ramp(int n, boolean rampStart, boolean rampEnd, int overlap) {
        float[] w = new float[n];
        int margin = overlap / 4;
        double fade = Math.max(1, overlap - 2 * margin);
        for (int i = 0; i < n; i++) {
            double ws = rampStart ? clamp((i + 0.5 - margin) / fade) : 1;
            double we = rampEnd ? clamp((n - i - 0.5 - margin) / fade) : 1;
            w[i] = (float) Math.min(ws, we);
        }
        return w;
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }

    private static PixelImage assemble(float[][] acc, float[] weight, int w, int h, PixelType type,
            PixelImage input) {
        int bands = acc.length;
        ImageType t = bands == 1 ? new ImageType(Layout.GRAY, type, 1)
                : bands == 3 && type == PixelType.UINT8 ? ImageType.RGB_U8 : ImageType.planarF32(bands);
        PixelImage out = PixelImage.create(t, w, h).withMetadata(input.metadata());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                for (int b = 0; b < bands; b++) {
                    out.setFloat(x, y, b, acc[b][i] / weight[i]);
                }
            }
        }
        return out;
    }
}
