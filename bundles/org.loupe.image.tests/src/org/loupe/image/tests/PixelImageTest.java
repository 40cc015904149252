package org.loupe.image.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.loupe.image.GrayU16;
import org.loupe.image.GrayU8;
import org.loupe.image.ImageMetadata;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.PlanarF32;
import org.loupe.image.Region;
import org.loupe.image.RgbU8;

class PixelImageTest {

    static Stream<ImageType> types() {
        return Stream.of(ImageType.GRAY_U8, ImageType.GRAY_U16, ImageType.GRAY_F32, ImageType.RGB_U8,
                ImageType.planarF32(2));
    }

    private static PixelImage numbered(ImageType type) {
        PixelImage img = PixelImage.create(type, 7, 5);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                for (int b = 0; b < type.bands(); b++) {
                    img.setFloat(x, y, b, 10 * y + x + b);
                }
            }
        }
        return img;
    }

    @ParameterizedTest
    @MethodSource("types")
    void createsTheRequestedType(ImageType type) {
        PixelImage img = PixelImage.create(type, 7, 5);
        assertEquals(type, img.type());
        assertEquals(7, img.width());
        assertEquals(5, img.height());
    }

    @ParameterizedTest
    @MethodSource("types")
    void viewSharesPixelsWithItsParent(ImageType type) {
        PixelImage img = numbered(type);
        PixelImage view = img.view(new Region(2, 1, 3, 3));
        assertEquals(10 * 1 + 2, view.getFloat(0, 0, 0));
        view.setFloat(1, 1, 0, 99);
        assertEquals(99, img.getFloat(3, 2, 0));
    }

    @ParameterizedTest
    @MethodSource("types")
    void copyIsCompactAndIndependent(ImageType type) {
        PixelImage view = numbered(type).view(new Region(1, 1, 4, 3));
        PixelImage copy = view.copy();
        assertTrue(copy.samePixels(view));
        assertEquals(0, copy.offset());
        copy.setFloat(0, 0, 0, 42);
        assertFalse(copy.samePixels(view));
    }

    @ParameterizedTest
    @MethodSource("types")
    void viewOutsideTheImageIsRejected(ImageType type) {
        PixelImage img = numbered(type);
        assertThrows(IllegalArgumentException.class, () -> img.view(new Region(5, 0, 3, 1)));
    }

    @Test
    void integerSamplesRoundHalfUpAndSaturate() {
        GrayU8 g = GrayU8.create(4, 1);
        g.setFloat(0, 0, 0, 2.5f);
        g.setFloat(1, 0, 0, -3f);
        g.setFloat(2, 0, 0, 300f);
        g.setFloat(3, 0, 0, Float.NaN);
        assertEquals(3, g.get(0, 0));
        assertEquals(0, g.get(1, 0));
        assertEquals(255, g.get(2, 0));
        assertEquals(0, g.get(3, 0));
    }

    @Test
    void sixteenBitSamplesUseTheFullUnsignedRange() {
        GrayU16 g = GrayU16.create(2, 1);
        g.set(0, 0, 65535);
        g.set(1, 0, 40000);
        assertEquals(65535, g.get(0, 0));
        assertEquals(40000f, g.getFloat(1, 0, 0));
    }

    @Test
    void rgbViewKeepsBandOrder() {
        RgbU8 rgb = RgbU8.create(3, 2);
        rgb.set(2, 1, 10, 20, 30);
        RgbU8 v = rgb.view(new Region(1, 1, 2, 1));
        assertEquals(10, v.get(1, 0, 0));
        assertEquals(20, v.get(1, 0, 1));
        assertEquals(30, v.get(1, 0, 2));
    }

    @Test
    void planarBandSharesItsPlane() {
        PlanarF32 p = PlanarF32.create(3, 3, 2);
        p.band(1).set(1, 1, 5f);
        assertEquals(5f, p.get(1, 1, 1));
        assertEquals(0f, p.get(1, 1, 0));
    }

    @Test
    void withMetadataSharesPixels() {
        GrayU8 g = GrayU8.create(2, 2);
        GrayU8 named = g.withMetadata(ImageMetadata.builder().name("x").build());
        assertSame(g.data(), named.data());
        assertEquals("x", named.metadata().name());
    }

    @Test
    void refusesImagesTooLargeForOneArray() {
        assertThrows(IllegalArgumentException.class, () -> GrayU8.create(100_000, 100_000));
        assertThrows(IllegalArgumentException.class, () -> GrayU8.create(0, 10));
    }

    @Test
    void wrapRefusesAnArrayThatIsTooShort() {
        assertThrows(IllegalArgumentException.class, () -> GrayU8.wrap(new byte[5], 3, 2));
    }
}
