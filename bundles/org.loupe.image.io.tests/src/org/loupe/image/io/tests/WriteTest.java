package org.loupe.image.io.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.io.AtomicFiles;
import org.loupe.image.io.ImageFiles;
import org.loupe.testing.SyntheticImages;
import org.w3c.dom.Node;

class WriteTest {

    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("result.txt");
        Files.writeString(target, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void writingCreatesMissingFolders() throws LoupeException {
        Path target = dir.resolve("a/b/c.png");
        ImageFiles.write(SyntheticImages.scene(ImageType.GRAY_U8, 4, 4, 1), target);
        assertTrue(Files.isRegularFile(target));
    }

    @Test
    void aFormatThatCannotHoldTheDepthIsAUsageError() {
        PixelImage sixteen = SyntheticImages.scene(ImageType.GRAY_U16, 4, 4, 1);
        LoupeException e = assertThrows(LoupeException.class, () -> ImageFiles.write(sixteen, dir.resolve("x.jpg")));
        assertEquals(LoupeException.Reason.USAGE, e.reason());
        assertTrue(e.getMessage().contains("GRAY:UINT16:1"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("x.jpg")));
    }

    @Test
    void anUnknownExtensionIsAUsageError() {
        PixelImage img = SyntheticImages.scene(ImageType.GRAY_U8, 4, 4, 1);
        LoupeException e = assertThrows(LoupeException.class, () -> ImageFiles.write(img, dir.resolve("x.webp")));
        assertEquals(LoupeException.Reason.USAGE, e.reason());
    }

    @Test
    void pngRecordsTheProvenance() throws Exception {
        PixelImage img = SyntheticImages.scene(ImageType.GRAY_U16, 4, 4, 1);
        img = img.withMetadata(img.metadata().withStep("enhance.median", "1.0.0"));
        Path file = dir.resolve("p.png");
        ImageFiles.write(img, file);
        assertTrue(textEntries(file).contains("Loupe: enhance.median@1.0.0"), textEntries(file));
    }

    @Test
    void writingOverAnExistingFileReplacesItWhole() throws LoupeException, IOException {
        Path file = dir.resolve("same.png");
        ImageFiles.write(SyntheticImages.scene(ImageType.GRAY_U8, 40, 40, 1), file);
        PixelImage second = SyntheticImages.scene(ImageType.GRAY_U8, 8, 8, 2);
        ImageFiles.write(second, file);
        PixelImage back = ImageFiles.read(file);
        assertEquals(8, back.width());
        assertArrayEquals(((org.loupe.image.GrayU8) second).data(), ((org.loupe.image.GrayU8) back).data());
    }

    private static String textEntries(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("png").next();
            r.setInput(in);
            IIOMetadata m = r.getImageMetadata(0);
            StringBuilder sb = new StringBuilder();
            collect(m.getAsTree("javax_imageio_1.0"), sb);
            return sb.toString();
        }
    }

    private static void collect(Node n, StringBuilder sb) {
        if ("TextEntry".equals(n.getNodeName())) {
            sb.append(n.getAttributes().getNamedItem("value").getNodeValue()).append('\n');
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            collect(c, sb);
        }
    }
}
