package org.loupe.api;

import org.loupe.image.PixelImage;

/** Measures an image against a reference (PSNR, SSIM, ...). Never modifies its inputs; thread-safe. */
public interface ImageMetric extends LoupeService {

    /**
     * The figure for {@code image} against {@code reference}.
     *
     * @throws LoupeException INPUT if the images do not match in size or type
     */
    MetricValue measure(PixelImage image, PixelImage reference, ProcessingContext ctx) throws LoupeException;
}
