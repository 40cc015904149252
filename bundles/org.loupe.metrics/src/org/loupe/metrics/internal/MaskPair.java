package org.loupe.metrics.internal;

import org.loupe.api.LoupeException;
import org.loupe.image.PixelImage;
import org.loupe.metrics.segmentation.Mask;

/** Reads a segmentation and its reference as masks (non-zero is inside), with the checks mask metrics need. */
record MaskPair(Mask image, Mask reference) {

    static MaskPair of(PixelImage image, PixelImage reference) throws LoupeException {
        if (image.width() != reference.width() || image.height() != reference.height()) {
            throw LoupeException.badInput(name(image), "is " + image.width() + "x" + image.height()
                    + " but the reference mask " + name(reference) + " is " + reference.width() + "x"
                    + reference.height());
        }
        try {
            return new MaskPair(Mask.nonZero(image), Mask.nonZero(reference));
        } catch (IllegalArgumentException e) {
            throw LoupeException.badInput(name(image), e.getMessage(), e);
        }
    }

    private static String name(PixelImage img) {
        return img.metadata().name().isEmpty() ? "mask" : img.metadata().name();
    }
}
