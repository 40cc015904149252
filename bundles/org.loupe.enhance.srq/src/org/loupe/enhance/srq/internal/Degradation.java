package org.loupe.enhance.srq.internal;

import java.util.Locale;
import java.util.SplittableRandom;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.FloatImages;
import org.loupe.image.GrayF32;
import org.loupe.image.GrayU8;
import org.loupe.image.PixelImage;
import org.loupe.image.RgbU8;
import org.loupe.image.color.YCbCr;
import org.loupe.image.io.ImageFiles;
import org.loupe.numerics.filter.GaussianFilter;
import org.loupe.numerics.resample.Interpolation;
import org.loupe.numerics.resample.Resize;

/**
 * How the low-resolution training inputs are made from high-resolution images, the two models of Kim and Lee:
 * plain bicubic downscaling, y = x (down) s, and their realistic model y = JPEG_q((x * k_sigma) (down) s) + n, with a
 * Gaussian blur of sigma in [0.2, 0.8], JPEG quality in [70, 99] and Gaussian noise of standard deviation in
 * [0, 0.02] (of full scale), each drawn anew for every image.
 */
enum Degradation {

    /** MATLAB {@code imresize(Y, 1/2, 'bicubic')} of the luma, kept in floating point. */
    BICUBIC,
    /** Blur, bicubic /2 of the 8-bit RGB image, JPEG round trip, luma, additive Gaussian noise. */
    REALISTIC;

    /** One draw of the realistic model's parameters. */
    record Draw(double blurSigma, int jpegQuality, double noiseSigma) {

        /** A draw from the paper's ranges. */
        static Draw random(SplittableRandom r) {
            return new Draw(0.2 + 0.6 * r.nextDouble(), 70 + r.nextInt(30), 0.02 * r.nextDouble());
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "blur %.2f, JPEG %d, noise %.4f", blurSigma, jpegQuality, noiseSigma);
        }
    }

    /** The lower-case name used on the command line and in model files. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The degradation named {@code key} ({@code bicubic} or {@code realistic}). */
    static Degradation of(String key) throws LoupeException {
        for (Degradation d : values()) {
            if (d.key().equals(key)) {
                return d;
            }
        }
        throw LoupeException.usage("unknown degradation '" + key + "'; use bicubic or realistic");
    }

    /**
     * The low-resolution luma in [0, 1] for an 8-bit grey or RGB image whose sides are even; {@code random} draws the
     * realistic model's parameters and noise.
     */
    GrayF32 apply(PixelImage hr, SplittableRandom random) throws LoupeException {
        ProcessingContext none = ProcessingContext.none();
        if (this == BICUBIC) {
            return (GrayF32) Resize.byScale(unitLuma(hr), 1.0 / Architecture.SCALE, Interpolation.BICUBIC, none);
        }
        Draw d = Draw.random(random);
        PixelImage blurred = GaussianFilter.apply(hr, d.blurSigma(), none);
        PixelImage small = Resize.byScale(blurred, 1.0 / Architecture.SCALE, Interpolation.BICUBIC, none);
        GrayF32 y = unitLuma(ImageFiles.jpegRoundTrip(small, d.jpegQuality()));
        float[] v = y.data();
        for (int i = 0; i < v.length; i++) {
            v[i] += (float) (d.noiseSigma() * random.nextGaussian());
        }
        return y;
    }

    /** The 8-bit luma (MATLAB {@code rgb2ycbcr} for RGB) divided by 255, as the evaluation protocol takes it. */
    static GrayF32 unitLuma(PixelImage image) throws LoupeException {
        GrayU8 y;
        if (image instanceof RgbU8 rgb) {
            y = YCbCr.lumaU8(rgb);
        } else if (image instanceof GrayU8 g) {
            y = g;
        } else {
            throw LoupeException.badInput(image.metadata().name(), "is " + image.type()
                    + "; super-resolution training takes 8-bit grey or RGB images");
        }
        return FloatImages.toFloat(y, 0, 255).withMetadata(image.metadata());
    }
}
