package org.loupe.enhance.classic.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderKind;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;
import org.loupe.registry.ProviderStatus;
import org.loupe.testing.OsgiServices;
import org.loupe.testing.SyntheticImages;

class DeclarativeServicesTest {

    @Test
    void theThreeEnhancersAreDiscoveredWithTheirMetadata() {
        ProviderRegistry registry = OsgiServices.await(ProviderRegistry.class);
        List<String> ids = registry.providers(ProviderKind.ENHANCER).stream().map(s -> s.descriptor().id()).toList();
        assertTrue(ids.containsAll(List.of("enhance.bicubic", "enhance.gaussian", "enhance.median")), ids.toString());
        ProviderStatus median = registry.providers(ProviderKind.ENHANCER).stream()
                .filter(s -> s.descriptor().id().equals("enhance.median")).findFirst().orElseThrow();
        assertEquals("org.loupe.enhance.classic", median.descriptor().bundle());
        assertTrue(median.descriptor().accepts(ImageType.GRAY_U16));
    }

    @Test
    void anEnhancerRunsThroughTheRegistry() throws LoupeException {
        ProviderRegistry registry = OsgiServices.await(ProviderRegistry.class);
        ProviderHandle<ImageEnhancer> median = registry.provider("enhance.median", ImageEnhancer.class);
        PixelImage img = SyntheticImages.scene(ImageType.GRAY_U16, 20, 20, 1);
        PixelImage out = median.call(e -> e.enhance(img,
                ProcessingContext.of(Parameters.bind(e.parameters(), Map.of("size", "5")))));
        assertEquals(ImageType.GRAY_U16, out.type());
        assertEquals(List.of("enhance.median@1.1.0"), out.metadata().provenance());
    }
}
