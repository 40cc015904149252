package org.loupe.image.io.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.loupe.api.LoupeException;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ImageFormat;
import org.loupe.image.io.ReadOptions;
import org.loupe.testing.SyntheticImages;

class BadInputTest {

    @TempDir
    Path dir;

    private static LoupeException assertBadInput(Path file, String fragment) {
        return assertBadInput(file, fragment, ReadOptions.defaults());
    }

    private static LoupeException assertBadInput(Path file, String fragment, ReadOptions options) {
        LoupeException e = assertThrows(LoupeException.class, () -> ImageFiles.read(file, options));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "says '" + fragment + "': " + e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'), "one line");
        return e;
    }

    @ParameterizedTest
    @EnumSource(ImageFormat.class)
    void rejectsTruncatedFiles(ImageFormat format) throws Exception {
        ImageType type = format == ImageFormat.PPM ? ImageType.RGB_U8 : ImageType.GRAY_U8;
        PixelImage img = SyntheticImages.scene(type, 120, 90, 5);
        Path whole = dir.resolve("whole." + format.extension());
        ImageFiles.write(img, whole);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut." + format.extension());
        Files.write(cut, Arrays.copyOf(bytes, bytes.length * 2 / 3));
        assertBadInput(cut, "truncated");
    }

    @Test
    void rejectsAFileThatIsNotAnImage() throws IOException {
        Path file = dir.resolve("notes.png");
        Files.writeString(file, "these are not pixels\n");
        assertBadInput(file, "not an image");
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.tif"));
        assertBadInput(file, "empty file");
    }

    @Test
    void rejectsAMissingFile() {
        assertBadInput(dir.resolve("nowhere.png"), "no such file");
    }

    @Test
    void rejectsAFolder() {
        assertBadInput(dir, "folder");
    }

    @Test
    void refusesAHugeImageFromItsHeaderBeforeDecoding() throws IOException {
        // a 200-byte PNG that claims to be 60000 x 60000 (3.6 gigapixels): must fail fast, allocating nothing
        Path bomb = dir.resolve("bomb.png");
        Files.write(bomb, pngWithHeaderOnly(60000, 60000));
        assertBadInput(bomb, "over the pixel limit");
    }

    @Test
    void pixelLimitIsConfigurable() throws LoupeException {
        Path file = dir.resolve("small.png");
        ImageFiles.write(SyntheticImages.scene(ImageType.GRAY_U8, 64, 48, 1), file);
        assertBadInput(file, "over the pixel limit", new ReadOptions(1000));
        assertEquals(64, ImageFiles.read(file, new ReadOptions(64 * 48)).width());
    }

    @Test
    void rejectsSixteenBitColour() throws IOException {
        Path file = dir.resolve("rgb16.png");
        java.awt.image.ComponentColorModel cm = new java.awt.image.ComponentColorModel(
                java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB), false, false,
                java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_USHORT);
        java.awt.image.BufferedImage bi = new java.awt.image.BufferedImage(cm,
                cm.createCompatibleWritableRaster(8, 8), false, null);
        javax.imageio.ImageIO.write(bi, "png", file.toFile());
        assertBadInput(file, "16-bit colour is not supported");
    }

    @Test
    void rejectsAPngWhoseHeaderWasAlteredWithoutItsCrc() throws Exception {
        Path whole = dir.resolve("whole.png");
        ImageFiles.write(SyntheticImages.scene(ImageType.GRAY_U8, 64, 48, 2), whole);
        byte[] bytes = Files.readAllBytes(whole);
        bytes[23] = 24; // IHDR height 48 -> 24: the JDK's reader alone decodes the top half and says nothing
        Path altered = dir.resolve("altered.png");
        Files.write(altered, bytes);
        assertBadInput(altered, "corrupt PNG data (IHDR: CRC error)");
    }

    @Test
    void rejectsAPngWithADamagedDataChunk() throws Exception {
        Path whole = dir.resolve("whole.png");
        ImageFiles.write(SyntheticImages.scene(ImageType.GRAY_U8, 64, 48, 2), whole);
        byte[] bytes = Files.readAllBytes(whole);
        bytes[bytes.length - 20] ^= 0x01; // a bit of the last IDAT chunk's data flips
        Path damaged = dir.resolve("damaged.png");
        Files.write(damaged, bytes);
        assertBadInput(damaged, "CRC error");
    }

    @Test
    void refusesAFifoAtOnceInsteadOfWaitingForAWriter() throws Exception {
        Path fifo = dir.resolve("pipe.png");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertBadInput(fifo, "not a regular file"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"strip offsets past the end", "zero rows per strip", "strip offsets cut short"})
    void aBrokenTiffStripTableIsCorruptDataNotAJavaError(String damage) throws Exception {
        Path file = dir.resolve("broken.tif");
        Files.write(file, TinyTiff.grayWithBrokenStrips(damage));
        LoupeException e = assertBadInput(file, "corrupt");
        for (String java : new String[] {"Exception", "cannot be cast", "by zero", "java.", "null"}) {
            assertFalse(e.getMessage().contains(java), "speaks of the file, not of Java: " + e.getMessage());
        }
    }

    private static byte[] pngWithHeaderOnly(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(out);
        d.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.write("IHDR".getBytes(StandardCharsets.US_ASCII));
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, 0, 0, 0, 0});
        byte[] chunk = ihdr.toByteArray();
        d.writeInt(chunk.length - 4);
        d.write(chunk);
        CRC32 crc = new CRC32();
        crc.update(chunk);
        d.writeInt((int) crc.getValue());
        d.write(new byte[150]);
        return out.toByteArray();
    }
}
