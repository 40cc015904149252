package org.loupe.metrics.internal;

import java.util.Map;
import org.loupe.api.ImageMetric;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeProvider;
import org.loupe.api.MetricValue;
import org.loupe.api.ProcessingContext;
import org.loupe.image.PixelImage;
import org.loupe.metrics.segmentation.Overlap;
import org.osgi.service.component.annotations.Component;

/** Dice overlap of a segmentation mask with a reference mask. */
@Component(service = ImageMetric.class)
@LoupeProvider(id = "metric.dice", name = "Dice", version = "1.0.0",
        inputTypes = {"GRAY:UINT8:1", "GRAY:UINT16:1"},
        description = "Dice coefficient of two masks (non-zero pixels are inside); 1 for two empty masks.")
public final class DiceMetric implements ImageMetric {

    @Override
    public MetricValue measure(PixelImage image, PixelImage reference, ProcessingContext ctx) throws LoupeException {
        AcceptedInputs.require(DiceMetric.class, image, reference);
        MaskPair m = MaskPair.of(image, reference);
        return new MetricValue("dice", Overlap.dice(m.image(), m.reference()), "", Map.of());
    }
}
