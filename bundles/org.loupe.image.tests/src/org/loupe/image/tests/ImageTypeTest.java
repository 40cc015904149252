package org.loupe.image.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loupe.image.ImageType;
import org.loupe.image.Layout;
import org.loupe.image.PixelType;

class ImageTypeTest {

    @ParameterizedTest
    @ValueSource(strings = {"GRAY:UINT8:1", "GRAY:UINT16:1", "GRAY:FLOAT32:1", "RGB:UINT8:3", "PLANAR:FLOAT32:4"})
    void stringFormRoundTrips(String text) {
        assertEquals(text, ImageType.parse(text).toString());
    }

    @Test
    void parsingIgnoresCaseAndSpace() {
        assertEquals(ImageType.GRAY_U16, ImageType.parse(" gray:uint16:1 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "GRAY", "GRAY:UINT12:1", "RGB:UINT16:3", "GRAY:UINT8:3", "GRAY:UINT8:x"})
    void malformedOrUnsupportedTypesAreRejectedNamingTheText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageType.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void rgbIsEightBitOnly() {
        assertThrows(IllegalArgumentException.class, () -> new ImageType(Layout.RGB, PixelType.FLOAT32, 3));
    }
}
