package org.loupe.image.io.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferUShort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;
import org.loupe.image.GrayU16;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;

/**
 * 16-bit greyscale PNG files, which Loupe reads and writes with its own fast path, agree with the JDK's codec on
 * every pixel, whatever row filters another writer chose.
 */
class Png16Test {

    @TempDir
    Path dir;

    /** Smooth areas, edges and noise, so that the JDK's adaptive writer uses every row filter. */
    private static BufferedImage varied(int w, int h) {
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        short[] px = ((DataBufferUShort) b.getRaster().getDataBuffer()).getData();
        Random rnd = new Random(5);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = y < h / 3 ? 300 * x : y < 2 * h / 3 ? ((x / 9 + y / 7) % 2) * 60000 : rnd.nextInt(65536);
                px[y * w + x] = (short) v;
            }
        }
        return b;
    }

    @Test
    void aFileFromAnotherWriterIsReadAsTheJdkReadsIt() throws Exception {
        Path file = dir.resolve("jdk.png");
        assertTrue(ImageIO.write(varied(203, 151), "png", file.toFile()));
        short[] expected = ((DataBufferUShort) ImageIO.read(file.toFile()).getRaster().getDataBuffer()).getData();
        PixelImage read = ImageFiles.read(file);
        assertEquals(ImageType.GRAY_U16, read.type());
        GrayU16 g = (GrayU16) read;
        assertTrue(Arrays.equals(expected, Arrays.copyOf(g.data(), expected.length)), "pixel for pixel");
        assertEquals("PNG", read.metadata().property("format").orElseThrow());
    }

    @Test
    void aFileLoupeWroteIsReadByTheJdkAsLoupeReadsIt() throws Exception {
        GrayU16 img = GrayU16.create(203, 151);
        short[] src = ((DataBufferUShort) varied(203, 151).getRaster().getDataBuffer()).getData();
        System.arraycopy(src, 0, img.data(), 0, src.length);
        Path file = dir.resolve("loupe.png");
        ImageFiles.write(img, file);
        short[] jdk = ((DataBufferUShort) ImageIO.read(file.toFile()).getRaster().getDataBuffer()).getData();
        assertTrue(Arrays.equals(src, jdk), "the JDK reads what Loupe wrote");
    }

    @Test
    void aTruncatedSixteenBitPngIsRefused() throws Exception {
        Path whole = dir.resolve("whole.png");
        assertTrue(ImageIO.write(varied(120, 90), "png", whole.toFile()));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
        LoupeException e = assertThrows(LoupeException.class, () -> ImageFiles.read(cut));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }
}
