package org.loupe.metrics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loupe.testing.ReferenceFixtures.image;
import static org.loupe.testing.ReferenceFixtures.number;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loupe.api.ImageMetric;
import org.loupe.api.LoupeException;
import org.loupe.api.MetricValue;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderKind;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;
import org.loupe.testing.OsgiServices;

class MetricServicesTest {

    @Test
    void imageAndMaskMetricsAreRegisteredServices() {
        ProviderRegistry registry = OsgiServices.await(ProviderRegistry.class);
        List<String> ids = registry.providers(ProviderKind.METRIC).stream().map(s -> s.descriptor().id()).toList();
        assertTrue(ids.containsAll(List.of("metric.psnr", "metric.ssim", "metric.dice", "metric.iou",
                "metric.hausdorff")), ids.toString());
    }

    @Test
    void psnrThroughTheRegistryHonoursItsParameters() throws LoupeException {
        ProviderHandle<ImageMetric> psnr = OsgiServices.await(ProviderRegistry.class).provider("metric.psnr",
                ImageMetric.class);
        MetricValue v = psnr.call(m -> m.measure(image("gray8_d"), image("gray8"), ProcessingContext.of(
                Parameters.bind(m.parameters(), Map.of("shave", "4")))));
        assertEquals("dB", v.unit());
        assertEquals(number("metrics", "psnr_gray8_shave4"), v.value(), 1e-9);
    }
}
