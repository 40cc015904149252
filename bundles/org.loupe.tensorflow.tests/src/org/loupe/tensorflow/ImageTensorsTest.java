package org.loupe.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.PixelType;
import org.loupe.image.Region;
import org.loupe.image.RgbU8;
import org.loupe.testing.SyntheticImages;
import org.tensorflow.types.TFloat32;

class ImageTensorsTest {

    @Test
    void an8BitRgbImageMakesTheRoundTripThroughANormalisedNhwcTensor() {
        PixelImage img = SyntheticImages.scene(ImageType.RGB_U8, 7, 5, 1);
        try (TFloat32 t = ImageTensors.toTensor(img, 255)) {
            assertArrayEquals(new long[] {1, 5, 7, 3}, t.shape().asArray());
            assertEquals(img.getFloat(4, 3, 2) / 255f, t.getFloat(0, 3, 4, 2), 1e-7);
            PixelImage back = ImageTensors.toImage(t, 0, PixelType.UINT8, 255, img.metadata());
            assertTrue(back instanceof RgbU8);
            assertTrue(back.samePixels(img));
            assertEquals(img.metadata(), back.metadata());
        }
    }

    @Test
    void aBatchKeepsItsImagesInOrderAndViewsAreCopiedFromTheirRegion() {
        PixelImage a = SyntheticImages.scene(ImageType.GRAY_U16, 20, 20, 2);
        PixelImage b = SyntheticImages.scene(ImageType.GRAY_U16, 9, 6, 3);
        PixelImage view = a.view(new Region(5, 7, 9, 6));
        try (TFloat32 t = ImageTensors.toTensor(List.of(b, view), 65535)) {
            assertTrue(ImageTensors.toImage(t, 0, PixelType.UINT16, 65535, b.metadata()).samePixels(b));
            assertTrue(ImageTensors.toImage(t, 1, PixelType.UINT16, 65535, b.metadata()).samePixels(view));
        }
    }

    @Test
    void floatOutputsAreSaturatedWhenStoredAsIntegers() {
        PixelImage img = SyntheticImages.constant(ImageType.GRAY_F32, 3, 3, 1.7f);
        try (TFloat32 t = ImageTensors.toTensor(img, 1)) {
            assertEquals(255f, ImageTensors.toImage(t, 0, PixelType.UINT8, 255, img.metadata()).getFloat(1, 1, 0));
            assertEquals(1.7f, ImageTensors.toImage(t, 0, PixelType.FLOAT32, 1, img.metadata()).getFloat(1, 1, 0));
        }
    }

    @Test
    void aBatchOfMixedSizesIsRejected() {
        PixelImage a = SyntheticImages.scene(ImageType.GRAY_U8, 8, 8, 1);
        PixelImage b = SyntheticImages.scene(ImageType.GRAY_U8, 8, 9, 1);
        assertThrows(IllegalArgumentException.class, () -> ImageTensors.toTensor(List.of(a, b), 255));
    }
}
