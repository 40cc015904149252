package org.loupe.image.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loupe.image.Calibration;
import org.loupe.image.ImageMetadata;

class ImageMetadataTest {

    @Test
    void builderCopiesEveryField() {
        ImageMetadata m = ImageMetadata.builder().name("a.tif").source("/data/a.tif")
                .calibration(new Calibration(2.5, 2.5, "µm")).significantBits(12).property("kV", "90")
                .addStep("enhance.median@1.0.0").build();
        assertEquals(m, m.toBuilder().build());
        assertEquals("90", m.property("kV").orElseThrow());
        assertEquals(12, m.significantBits());
    }

    @Test
    void withStepAppendsWithoutChangingTheOriginal() {
        ImageMetadata m = ImageMetadata.builder().addStep("a@1").build();
        ImageMetadata n = m.withStep("b", "2.0.0");
        assertEquals(List.of("a@1"), m.provenance());
        assertEquals(List.of("a@1", "b@2.0.0"), n.provenance());
        assertNotEquals(m, n);
    }

    @Test
    void collectionsCannotBeModified() {
        ImageMetadata m = ImageMetadata.builder().property("k", "v").build();
        assertThrows(UnsupportedOperationException.class, () -> m.properties().put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> m.provenance().add("x"));
    }

    @Test
    void calibrationMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Calibration(0, 1, "mm"));
    }
}
