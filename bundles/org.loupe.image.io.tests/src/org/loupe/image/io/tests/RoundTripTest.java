package org.loupe.image.io.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loupe.api.LoupeException;
import org.loupe.image.GrayU16;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ImageFormat;
import org.loupe.testing.ImageAssertions;
import org.loupe.testing.SyntheticImages;

class RoundTripTest {

    @TempDir
    Path dir;

    static Stream<Arguments> losslessCases() {
        return Arrays.stream(ImageFormat.values()).filter(f -> f != ImageFormat.JPEG)
                .flatMap(f -> SyntheticImages.ALL_TYPES.stream().filter(f::canStore).map(t -> Arguments.of(f, t)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("losslessCases")
    void losslessFormatsGiveBackTheSamePixelsAndType(ImageFormat format, ImageType type) throws LoupeException {
        PixelImage original = SyntheticImages.scene(type, 45, 31, 7);
        Path file = dir.resolve("img." + format.extension());
        ImageFiles.write(original, file);
        PixelImage back = ImageFiles.read(file);
        ImageAssertions.assertSamePixels(original, back);
        assertEquals(format.name(), back.metadata().property("format").orElseThrow());
        assertEquals("img." + format.extension(), back.metadata().name());
    }

    @ParameterizedTest
    @MethodSource("sixteenBitFormats")
    void sixteenBitValuesAbove255Survive(ImageFormat format) throws LoupeException {
        GrayU16 img = GrayU16.create(3, 2);
        int[] values = {0, 256, 4095, 40000, 65535, 1234};
        for (int i = 0; i < values.length; i++) {
            img.set(i % 3, i / 3, values[i]);
        }
        Path file = dir.resolve("sixteen." + format.extension());
        ImageFiles.write(img, file);
        GrayU16 back = (GrayU16) ImageFiles.read(file);
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], back.get(i % 3, i / 3));
        }
    }

    static Stream<ImageFormat> sixteenBitFormats() {
        return Stream.of(ImageFormat.PNG, ImageFormat.TIFF, ImageFormat.PGM);
    }

    @ParameterizedTest
    @MethodSource("jpegTypes")
    void jpegKeepsTypeAndIsClose(ImageType type) throws LoupeException {
        // smooth colour: independent per-band noise would be lost to chroma subsampling, as in any JPEG
        PixelImage grey = SyntheticImages.scene(ImageType.GRAY_U8, 64, 48, 3);
        PixelImage original = PixelImage.create(type, 64, 48);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                for (int b = 0; b < type.bands(); b++) {
                    original.setFloat(x, y, b, grey.getFloat(x, y, 0) * (0.6f + 0.2f * b));
                }
            }
        }
        Path file = dir.resolve("img.jpg");
        ImageFiles.write(original, file);
        PixelImage back = ImageFiles.read(file);
        assertEquals(type, back.type());
        double meanError = 0;
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                for (int b = 0; b < type.bands(); b++) {
                    meanError += Math.abs(back.getFloat(x, y, b) - original.getFloat(x, y, b));
                }
            }
        }
        meanError /= 64 * 48 * type.bands();
        assertTrue(meanError < 4, "quality-95 JPEG should be close, mean error " + meanError);
    }

    static Stream<ImageType> jpegTypes() {
        return Stream.of(ImageType.GRAY_U8, ImageType.RGB_U8);
    }

    @ParameterizedTest
    @MethodSource("viewTypes")
    void viewsAreWrittenAsTheirOwnPixels(ImageType type) throws LoupeException {
        PixelImage big = SyntheticImages.scene(type, 40, 30, 1);
        PixelImage view = big.view(new org.loupe.image.Region(5, 7, 13, 11));
        Path file = dir.resolve("view.png");
        ImageFiles.write(view, file);
        ImageAssertions.assertSamePixels(view, ImageFiles.read(file));
    }

    static Stream<ImageType> viewTypes() {
        return Stream.of(ImageType.RGB_U8, ImageType.GRAY_U16);
    }

    @Test
    void aLargeSixteenBitPngSpanningManyDataChunksComesBackExactly() throws LoupeException {
        // 600 x 500 x 2 bytes of noise deflate to far more than one 64 KiB IDAT chunk
        PixelImage noisy = SyntheticImages.withImpulses(SyntheticImages.scene(ImageType.GRAY_U16, 600, 500, 3),
                0.3, 4);
        Path file = dir.resolve("large.png");
        ImageFiles.write(noisy, file);
        ImageAssertions.assertSamePixels(noisy, ImageFiles.read(file));
    }

    @Test
    void formatComesFromContentNotName() throws Exception {
        PixelImage img = SyntheticImages.scene(ImageType.GRAY_U8, 8, 8, 1);
        Path png = dir.resolve("a.png");
        ImageFiles.write(img, png);
        Path misnamed = dir.resolve("really-a-png.tif");
        java.nio.file.Files.copy(png, misnamed);
        assertEquals(ImageFormat.PNG, ImageFiles.formatOf(misnamed));
        ImageAssertions.assertSamePixels(img, ImageFiles.read(misnamed));
    }
}
