package org.loupe.metrics.image;

import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.FloatImages;
import org.loupe.image.GrayF32;
import org.loupe.image.GrayU8;
import org.loupe.image.PixelImage;
import org.loupe.image.PixelType;
import org.loupe.image.Region;
import org.loupe.image.RgbU8;
import org.loupe.image.color.YCbCr;
import org.loupe.numerics.resample.Interpolation;
import org.loupe.numerics.resample.Resize;

/**
 * The evaluation protocol behind published super-resolution tables (SRCNN, VDSR and their successors), step by step:
 * <ol>
 * <li>the high-resolution (HR) image is cropped at the bottom and right to a multiple of the scale;</li>
 * <li>its luma is taken: an RGB file through MATLAB's {@code rgb2ycbcr} (rounded to 8 bits, 16..235), a greyscale
 * file as it is. An RGB file whose channels happen to be equal is still converted; this is the rule that reproduces
 * the published Set14 figure;</li>
 * <li>the low-resolution input is MATLAB's {@code imresize(Y / 255, 1 / scale, 'bicubic')}, kept in floating point
 * (so the model sees no 8-bit rounding of its input);</li>
 * <li>the model's output is multiplied by 255 and rounded to 8 bits;</li>
 * <li>{@code scale} pixels are shaved from every border, and PSNR (peak 255) and SSIM are computed on the 8-bit
 * values.</li>
 * </ol>
 */
public final class SuperResolutionProtocol {

    /** The two images of one evaluation: what the model gets and what its output is compared with. */
    public record Pair(GrayF32 lowResolution, GrayU8 highResolution, int scale) {
    }

    /** The figures of one image. */
    public record Score(double psnr, double ssim) {
    }

    private SuperResolutionProtocol() {
    }

    /** Turns the 8-bit low-resolution image into the file a model is actually given (e.g. a JPEG round trip). */
    @FunctionalInterface
    public interface LowResolutionFile {

        /** The degraded image, of the same size and type. */
        PixelImage apply(PixelImage lowResolution) throws LoupeException;
    }

    /**
     * Steps 1 to 3 for one HR image (8-bit grey or RGB).
     *
     * @throws LoupeException INPUT for another image type or an image smaller than the scale
     */
    public static Pair prepare(PixelImage hr, int scale) throws LoupeException {
        PixelImage cropped = crop(hr, scale);
        GrayU8 y = luma(cropped, hr);
        GrayF32 lr = (GrayF32) Resize.byScale(FloatImages.toFloat(y, 0, 255), 1.0 / scale, Interpolation.BICUBIC,
                ProcessingContext.none());
        return new Pair(lr, y.withMetadata(hr.metadata()), scale);
    }

    /**
     * Steps 1 to 3 when the model is given an 8-bit file rather than floating-point luma: the cropped HR image
     * (all its channels) is shrunk with MATLAB's bicubic filter and rounded to 8 bits, {@code file} turns it into
     * what the model sees (a JPEG round trip, say), and the low-resolution input is that file's 8-bit luma / 255.
     */
    public static Pair prepare(PixelImage hr, int scale, LowResolutionFile file) throws LoupeException {
        PixelImage cropped = crop(hr, scale);
        GrayU8 y = luma(cropped, hr);
        PixelImage small = Resize.byScale(cropped, 1.0 / scale, Interpolation.BICUBIC, ProcessingContext.none());
        GrayF32 lr = FloatImages.toFloat(luma(file.apply(small), hr), 0, 255);
        return new Pair(lr, y.withMetadata(hr.metadata()), scale);
    }

    private static PixelImage crop(PixelImage hr, int scale) throws LoupeException {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
        int w = hr.width() - hr.width() % scale;
        int h = hr.height() - hr.height() % scale;
        if (w == 0 || h == 0) {
            throw LoupeException.badInput(name(hr), "is smaller than the scale " + scale);
        }
        return hr.view(new Region(0, 0, w, h));
    }

    private static String name(PixelImage img) {
        return img.metadata().name().isEmpty() ? "image" : img.metadata().name();
    }

    /** The 8-bit luma: MATLAB's rgb2ycbcr for RGB, the values themselves for grey. */
    private static GrayU8 luma(PixelImage image, PixelImage original) throws LoupeException {
        if (image instanceof RgbU8 rgb) {
            return YCbCr.lumaU8(rgb);
        } else if (image instanceof GrayU8 g) {
            return g.copy();
        }
        throw LoupeException.badInput(name(original), "is " + image.type() + "; the super-resolution protocol is "
                + "defined for 8-bit grey and RGB images");
    }

    /**
     * Steps 4 and 5: scores a model's output (a float luma image in [0, 1], scale times the input's size).
     *
     * @throws LoupeException INPUT if the output does not have the HR image's size
     */
    public static Score score(PixelImage output, Pair pair) throws LoupeException {
        GrayU8 hr = pair.highResolution();
        if (output.width() != hr.width() || output.height() != hr.height() || output.bands() != 1) {
            throw LoupeException.badInput(hr.metadata().name(), "the model returned a " + output.width() + "x"
                    + output.height() + " " + output.type() + " image for a " + pair.lowResolution().width() + "x"
                    + pair.lowResolution().height() + " input at scale " + pair.scale() + "; expected " + hr.width()
                    + "x" + hr.height() + " grey");
        }
        GrayU8 sr = GrayU8.create(hr.width(), hr.height()).withMetadata(hr.metadata());
        for (int y = 0; y < hr.height(); y++) {
            for (int x = 0; x < hr.width(); x++) {
                sr.set(x, y, PixelType.UINT8.saturate(output.getFloat(x, y, 0) * 255.0));
            }
        }
        ImageComparison how = new ImageComparison(ImageComparison.Channels.Y, pair.scale(), 255);
        return new Score(Psnr.of(sr, hr, how), Ssim.of(sr, hr, how));
    }
}
