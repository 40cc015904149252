package org.loupe.metrics.internal;

import java.util.List;
import java.util.Map;
import org.loupe.api.ImageMetric;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeProvider;
import org.loupe.api.MetricValue;
import org.loupe.api.ParameterSpec;
import org.loupe.api.ProcessingContext;
import org.loupe.image.PixelImage;
import org.loupe.metrics.image.Ssim;
import org.osgi.service.component.annotations.Component;

/** SSIM as a metric service ({@code ./loupe measure --metric ssim}). */
@Component(service = ImageMetric.class)
@LoupeProvider(id = "metric.ssim", name = "SSIM", version = "1.0.0",
        inputTypes = {"GRAY:UINT8:1", "GRAY:UINT16:1", "GRAY:FLOAT32:1", "RGB:UINT8:3"},
        description = "Structural similarity (Wang et al. 2004: 11x11 Gaussian, sigma 1.5), luma or all channels.")
public final class SsimMetric implements ImageMetric {

    @Override
    public List<ParameterSpec> parameters() {
        return ComparisonParameters.SPECS;
    }

    @Override
    public MetricValue measure(PixelImage image, PixelImage reference, ProcessingContext ctx) throws LoupeException {
        AcceptedInputs.require(SsimMetric.class, image, reference);
        double v = Ssim.of(image, reference, ComparisonParameters.from(ctx.parameters()));
        return new MetricValue("ssim", v, "", Map.of());
    }
}
