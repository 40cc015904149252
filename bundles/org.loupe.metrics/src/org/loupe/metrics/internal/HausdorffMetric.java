package org.loupe.metrics.internal;

import java.util.Map;
import org.loupe.api.ImageMetric;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeProvider;
import org.loupe.api.MetricValue;
import org.loupe.api.ProcessingContext;
import org.loupe.image.PixelImage;
import org.loupe.metrics.segmentation.Hausdorff;
import org.osgi.service.component.annotations.Component;

/** Hausdorff distance between the boundaries of two masks; the 95th percentile is reported as a part. */
@Component(service = ImageMetric.class)
@LoupeProvider(id = "metric.hausdorff", name = "Hausdorff distance", version = "1.0.0",
        inputTypes = {"GRAY:UINT8:1", "GRAY:UINT16:1"},
        description = "Largest boundary-to-boundary distance of two masks in pixels (MedPy hd), with hd95.")
public final class HausdorffMetric implements ImageMetric {

    @Override
    public MetricValue measure(PixelImage image, PixelImage reference, ProcessingContext ctx) throws LoupeException {
        AcceptedInputs.require(HausdorffMetric.class, image, reference);
        MaskPair m = MaskPair.of(image, reference);
        try {
            Hausdorff.Distances d = Hausdorff.of(m.image(), m.reference());
            return new MetricValue("hausdorff", d.max(), "px", Map.of("hd95", d.p95()));
        } catch (IllegalArgumentException e) {
            throw LoupeException.badInput(image.metadata().name().isEmpty() ? "mask" : image.metadata().name(),
                    e.getMessage(), e);
        }
    }
}
