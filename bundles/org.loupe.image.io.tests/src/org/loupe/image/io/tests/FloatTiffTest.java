package org.loupe.image.io.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;

/** 32-bit float TIFF samples keep their values from file to file, outside [0, 1] included. */
class FloatTiffTest {

    @TempDir
    Path dir;

    @Test
    void floatSamplesOutsideTheUnitRangeAreReadAsStored() throws Exception {
        float[] values = {-3.25f, 1000.5f, 0.5f, 1e-30f, -65536f, 7f};
        Path file = FloatTiffs.write(dir.resolve("wide.tif"), 3, 2, values);
        PixelImage image = ImageFiles.read(file);
        assertEquals(ImageType.GRAY_F32, image.type());
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], image.getFloat(i % 3, i / 3, 0), "sample " + i);
        }
    }

    @Test
    void floatSamplesOutsideTheUnitRangeSurviveAWriteAndARead() throws Exception {
        PixelImage image = PixelImage.create(ImageType.GRAY_F32, 2, 2);
        float[] values = {-3.25f, 1000.5f, -0.001f, 12345.678f};
        for (int i = 0; i < 4; i++) {
            image.setFloat(i % 2, i / 2, 0, values[i]);
        }
        Path file = dir.resolve("out.tif");
        ImageFiles.write(image, file);
        PixelImage back = ImageFiles.read(file);
        for (int i = 0; i < 4; i++) {
            assertEquals(values[i], back.getFloat(i % 2, i / 2, 0), "sample " + i);
        }
    }

    @Test
    void nonFiniteSamplesAreRefusedNamingTheFirstOne() throws IOException {
        Path file = FloatTiffs.write(dir.resolve("inf.tif"), 3, 1,
                new float[] {-3.25f, 1000.5f, Float.POSITIVE_INFINITY});
        LoupeException e = assertThrows(LoupeException.class, () -> ImageFiles.read(file));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("non-finite") && e.getMessage().contains("(2, 0)")
                && e.getMessage().contains("Infinity"), e.getMessage());
        Path nan = FloatTiffs.write(dir.resolve("nan.tif"), 1, 1, new float[] {Float.NaN});
        assertTrue(assertThrows(LoupeException.class, () -> ImageFiles.read(nan)).getMessage().contains("NaN"));
    }

    /** Minimal little-endian TIFF files of 32-bit IEEE float greyscale, one strip, written byte by byte. */
    static final class FloatTiffs {

        private FloatTiffs() {
        }

        static Path write(Path file, int width, int height, float[] samples) throws IOException {
            int entries = 9;
            int ifd = 8;
            int data = ifd + 2 + entries * 12 + 4;
            ByteBuffer b = ByteBuffer.allocate(data + samples.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd);
            b.putShort((short) entries);
            entry(b, 256, 4, width);              // ImageWidth
            entry(b, 257, 4, height);             // ImageLength
            entry(b, 258, 3, 32);                 // BitsPerSample
            entry(b, 259, 3, 1);                  // Compression: none
            entry(b, 262, 3, 1);                  // Photometric: black is zero
            entry(b, 273, 4, data);               // StripOffsets
            entry(b, 278, 4, height);             // RowsPerStrip
            entry(b, 279, 4, samples.length * 4); // StripByteCounts
            entry(b, 339, 3, 3);                  // SampleFormat: IEEE float
            b.putInt(0);
            for (float v : samples) {
                b.putFloat(v);
            }
            Files.write(file, b.array());
            return file;
        }

        private static void entry(ByteBuffer b, int tag, int type, int value) {
            b.putShort((short) tag).putShort((short) type).putInt(1);
            if (type == 3) {
                b.putShort((short) value).putShort((short) 0);
            } else {
                b.putInt(value);
            }
        }
    }
}
