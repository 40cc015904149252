package org.loupe.image.io.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ReadOptions;

/**
 * Files built to make a decoder spend far more memory or time than their size suggests (docs/RELIABILITY.md): each
 * is decoded within about its final image's size plus a constant, or refused as INPUT in one line before the work.
 */
class DecodingBombTest {

    private static final long CONSTANT = 48L << 20;

    @TempDir
    Path dir;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** What reading {@code bytes} allocates on this thread, the image or the failure it ends in. */
    private record Outcome(long allocated, PixelImage image, LoupeException failure) {
    }

    private Outcome read(String name, byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve(name), bytes);
        long before = THREADS.getCurrentThreadAllocatedBytes();
        try {
            PixelImage image = ImageFiles.read(file, ReadOptions.defaults());
            return new Outcome(THREADS.getCurrentThreadAllocatedBytes() - before, image, null);
        } catch (LoupeException e) {
            return new Outcome(THREADS.getCurrentThreadAllocatedBytes() - before, null, e);
        }
    }

    private static void assertRefused(Outcome o, String fragment) {
        assertTrue(o.failure() != null, "refused, not decoded");
        assertEquals(LoupeException.Reason.INPUT, o.failure().reason());
        assertEquals(-1, o.failure().getMessage().indexOf('\n'), "one line");
        assertTrue(o.failure().getMessage().contains(fragment), o.failure().getMessage());
    }

    @Test
    void aPngOfAThousandPixelsPerByteDecodesWithinItsImageSizePlusAConstant() throws IOException {
        byte[] file = HostileFiles.pngOfZeros(8000, 8000, 8000);
        Outcome o = read("zeros.png", file);
        assertTrue(o.image() != null, "a valid file decodes: " + o.failure());
        long image = 8000L * 8000;
        assertTrue(file.length * 500L < image, "a bomb: " + file.length + " bytes for " + image + " pixels");
        assertTrue(o.allocated() < 3 * image + CONSTANT, (o.allocated() >> 20) + " MB for a " + (image >> 20)
                + " MB image");
    }

    @Test
    void aPngWhoseDataEndsAfterAFewRowsIsRefusedWithinItsDeclaredImageSize() throws IOException {
        Outcome o = read("cut.png", HostileFiles.pngOfZeros(8000, 8000, 10));
        assertRefused(o, "cut.png");
        assertTrue(o.allocated() < 3 * 8000L * 8000 + CONSTANT, (o.allocated() >> 20) + " MB");
    }

    @Test
    void aTiffOfAHundredThousandStripsDecodesAllocatingAFixedAmountPerStrip() throws IOException {
        // each strip costs the decoder a few short-lived buffers (about 8 KB, garbage at once), and costs the file
        // 8 bytes of table: linear in the file's size, not in anything it declares
        Outcome o = read("strips.tif", HostileFiles.tiffWithStrips(64, 100_000));
        assertTrue(o.image() != null, "a valid file decodes: " + o.failure());
        assertTrue(o.allocated() < 3 * 64L * 100_000 + 100_000 * (16L << 10) + CONSTANT,
                (o.allocated() >> 20) + " MB");
    }

    @Test
    void aTiffTileFarLargerThanItsImageIsRefusedBeforeItIsAllocated() throws IOException {
        Outcome o = read("tile.tif", HostileFiles.tiffWithTile(65_520));
        assertRefused(o, "tile.tif");
        assertTrue(o.allocated() < CONSTANT, (o.allocated() >> 20) + " MB for a 16 x 16 image");
    }

    @Test
    void aTiffWhoseDirectoriesLoopIsReadOnce() throws IOException {
        Outcome o = read("loop.tif", HostileFiles.tiffWithLoopingDirectories());
        assertTrue(o.image() != null, "decodes: " + o.failure());
        assertEquals(16, o.image().width());
        assertTrue(o.allocated() < CONSTANT, (o.allocated() >> 20) + " MB");
    }

    @Test
    void aTiffWithTenThousandNestedDirectoriesIsRefusedInsteadOfOverflowingTheDecodersStack() throws IOException {
        Outcome o = read("nested.tif", HostileFiles.tiffWithNestedDirectories(10_000));
        assertRefused(o, "TIFF directories nested more than 16 deep");
        assertTrue(o.allocated() < CONSTANT, (o.allocated() >> 20) + " MB");
    }

    @Test
    void aJpegWithThousandsOfScansIsRefusedBeforeDecoding() throws IOException {
        byte[] bomb = HostileFiles.jpegWithScans(progressiveJpeg(), 3000);
        Outcome o = read("scans.jpg", bomb);
        assertRefused(o, "more than 100 JPEG scans");
    }

    @Test
    void aProgressiveJpegAsEncodersWriteItStillDecodes() throws IOException {
        Outcome o = read("progressive.jpg", progressiveJpeg());
        assertTrue(o.image() != null, "decodes: " + o.failure());
    }

    private static byte[] progressiveJpeg() throws IOException {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        Random r = new Random(3);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, y, r.nextInt(1 << 24));
            }
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter w = writers.next();
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream s = new MemoryCacheImageOutputStream(out)) {
            w.setOutput(s);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
        return out.toByteArray();
    }
}
