package org.loupe.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loupe.api.Accelerator;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeProvider;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderDescriptor;
import org.loupe.api.ProviderKind;
import org.loupe.image.GrayF32;
import org.loupe.image.ImageMetadata;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;

class ProviderDescriptorTest {

    @LoupeProvider(id = "test.declared", name = "Declared", version = "2.1.0", inputTypes = {"GRAY:UINT8:1"},
            accelerator = Accelerator.GPU_OPTIONAL, description = "A test provider.")
    static final class Declared implements ImageEnhancer {
        @Override
        public PixelImage enhance(PixelImage input, ProcessingContext ctx) {
            return input;
        }
    }

    @Test
    void readsTheAnnotationAtRunTime() {
        ProviderDescriptor d = ProviderDescriptor.declaredBy(Declared.class);
        assertEquals("test.declared", d.id());
        assertEquals(ProviderKind.ENHANCER, d.kind());
        assertEquals(List.of(ImageType.GRAY_U8), d.inputTypes());
        assertEquals(Accelerator.GPU_OPTIONAL, d.accelerator());
    }

    @Test
    void readsServicePropertiesAsDeclarativeServicesPublishesThem() {
        ProviderDescriptor d = ProviderDescriptor.fromProperties(ProviderKind.DETECTOR, Map.of(
                "loupe.id", "detect.x", "loupe.version", "1.0.0", "loupe.inputTypes",
                new String[] {"GRAY:UINT8:1", "GRAY:UINT16:1"}, "loupe.accelerator", "NATIVE_CPU",
                "service.ranking", 5), "bundle.x", "1.2.3");
        assertEquals("detect.x", d.name(), "name defaults to the id");
        assertEquals(2, d.inputTypes().size());
        assertEquals(Accelerator.NATIVE_CPU, d.accelerator());
        assertEquals(5, d.ranking());
    }

    @Test
    void aMissingVersionIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ProviderDescriptor.fromProperties(ProviderKind.METRIC,
                Map.of("loupe.id", "m"), "", ""));
    }

    @Test
    void anUnacceptedImageIsAnInputErrorNamingTheImageTypeAndProvider() {
        PixelImage img = GrayF32.create(2, 2).withMetadata(ImageMetadata.builder().name("scan.tif").build());
        LoupeException e = assertThrows(LoupeException.class,
                () -> ProviderDescriptor.declaredBy(Declared.class).requireAccepted(img));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertEquals("scan.tif: test.declared does not accept GRAY:FLOAT32:1 images (accepts GRAY:UINT8:1)",
                e.getMessage());
    }

    @Test
    void messagesAreAlwaysOneLine() {
        LoupeException e = LoupeException.badInput("a.png", "bad\n  thing\r\nhere");
        assertEquals("a.png: bad thing here", e.getMessage());
    }
}
