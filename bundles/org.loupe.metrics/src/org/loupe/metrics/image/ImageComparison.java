package org.loupe.metrics.image;

import org.loupe.image.ImageType;

/**
 * How two images are compared, stated once so that figures are comparable with published tables.
 *
 * @param channels  which samples are compared
 * @param shave     pixels removed from every border before comparing (super-resolution papers shave the scale
 *                  factor, since the borders of an upscaled image are extrapolated)
 * @param dataRange the peak signal for PSNR and L for SSIM's constants; 0 means "from the type": 255 for 8-bit,
 *                  65535 for 16-bit, 1 for float
 */
public record ImageComparison(Channels channels, int shave, double dataRange) {

    /** Which samples take part. */
    public enum Channels {
        /**
         * Luma only: an RGB image is converted with ITU-R BT.601 as MATLAB's {@code rgb2ycbcr} does for 8-bit input
         * (Y = round(16 + (65.481 R + 128.553 G + 24.966 B) / 255), 16..235); a greyscale image is its own luma,
         * even if a file stores grey as RGB with equal channels it is converted like any RGB image.
         */
        Y,
        /** Every band; PSNR pools the squared errors of all bands, SSIM averages the per-band values. */
        ALL
    }

    /** Checks the values. */
    public ImageComparison {
        if (channels == null || shave < 0 || !(dataRange >= 0) || Double.isInfinite(dataRange)) {
            throw new IllegalArgumentException("invalid comparison: " + channels + ", shave " + shave + ", range "
                    + dataRange);
        }
    }

    /** Luma, no shave, range from the type: the usual setting. */
    public static ImageComparison luma() {
        return new ImageComparison(Channels.Y, 0, 0);
    }

    /** The same comparison with another shave. */
    public ImageComparison withShave(int pixels) {
        return new ImageComparison(channels, pixels, dataRange);
    }

    /** The peak value used for images of the given type. */
    public double rangeFor(ImageType type) {
        if (dataRange > 0) {
            return dataRange;
        }
        return type.pixelType().isInteger() ? type.pixelType().maxValue() : 1.0;
    }
}
