package org.loupe.metrics.internal;

import org.loupe.api.ImageMetric;
import org.loupe.api.LoupeException;
import org.loupe.api.ProviderDescriptor;
import org.loupe.image.PixelImage;

/** The declared-type check every metric service makes on both of its images before measuring. */
final class AcceptedInputs {

    private AcceptedInputs() {
    }

    /**
     * @throws LoupeException INPUT naming the image, its type and the accepted types, for either image
     */
    static void require(Class<? extends ImageMetric> metric, PixelImage image, PixelImage reference)
            throws LoupeException {
        ProviderDescriptor d = ProviderDescriptor.declaredBy(metric);
        d.requireAccepted(image);
        d.requireAccepted(reference);
    }
}
