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
import org.loupe.metrics.image.Psnr;
import org.osgi.service.component.annotations.Component;

/** PSNR as a metric service ({@code ./loupe measure --metric psnr}). */
@Component(service = ImageMetric.class)
@LoupeProvider(id = "metric.psnr", name = "PSNR", version = "1.0.0",
        inputTypes = {"GRAY:UINT8:1", "GRAY:UINT16:1", "GRAY:FLOAT32:1", "RGB:UINT8:3"},
        description = "Peak signal-to-noise ratio in dB, on luma or all channels, with border shave.")
public final class PsnrMetric implements ImageMetric {

    @Override
    public List<ParameterSpec> parameters() {
        return ComparisonParameters.SPECS;
    }

    @Override
    public MetricValue measure(PixelImage image, PixelImage reference, ProcessingContext ctx) throws LoupeException {
        AcceptedInputs.require(PsnrMetric.class, image, reference);
        double v = Psnr.of(image, reference, ComparisonParameters.from(ctx.parameters()));
        return new MetricValue("psnr", v, "dB", Map.of());
    }
}
