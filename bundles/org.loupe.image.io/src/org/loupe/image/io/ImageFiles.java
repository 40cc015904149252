package org.loupe.image.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.loupe.api.LoupeException;
import org.loupe.image.PixelImage;
import org.loupe.image.io.internal.ImageDecoder;
import org.loupe.image.io.internal.ImageEncoder;

/**
 * Reads and writes image files, keeping bit depth. Reading recognises the format from the file's content, checks the
 * declared size against a pixel limit before decoding and reports any corruption as a one-line INPUT failure naming
 * the file. Writing is atomic: the target is replaced only by a complete file.
 */
public final class ImageFiles {

    private ImageFiles() {
    }

    /** Reads with the default pixel limit. */
    public static PixelImage read(Path path) throws LoupeException {
        return read(path, ReadOptions.defaults());
    }

    /**
     * Reads an image; its metadata records the file name, absolute source path and format.
     *
     * @throws LoupeException (INPUT) for a missing, unreadable, corrupt, truncated, unsupported or oversized file
     */
    public static PixelImage read(Path path, ReadOptions options) throws LoupeException {
        return ImageDecoder.read(path, options);
    }

    /**
     * Reads an image from a stream, e.g. a resource inside a bundle; {@code name} names it in metadata and messages.
     * The stream is read to its end but not closed.
     */
    public static PixelImage read(InputStream stream, String name, ReadOptions options) throws LoupeException {
        return ImageDecoder.read(stream, name, options);
    }

    /**
     * The image files directly inside a folder (regular files whose extension names a format), sorted by name.
     *
     * @throws LoupeException INPUT if the folder cannot be listed
     */
    public static List<Path> list(Path folder) throws LoupeException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> Files.isRegularFile(p)
                    && ImageFormat.fromFileName(p.getFileName().toString()).isPresent()).sorted().toList();
        } catch (IOException e) {
            throw LoupeException.badInput(folder.toString(), "cannot be listed (" + e.getMessage() + ")", e);
        }
    }

    /** The format of an existing file, recognised from its content. */
    public static ImageFormat formatOf(Path path) throws LoupeException {
        return ImageDecoder.sniff(path);
    }

    /**
     * Writes an image in the format its file name's extension names.
     *
     * @throws LoupeException USAGE if the extension names no format or the format cannot store the image type,
     *                        INPUT if the file cannot be written
     */
    public static void write(PixelImage image, Path target) throws LoupeException {
        ImageFormat format = ImageFormat.fromFileName(target.getFileName().toString())
                .orElseThrow(() -> LoupeException.usage("unknown image format for '" + target.getFileName()
                        + "' (use .png, .jpg, .bmp, .tif, .pgm or .ppm)"));
        write(image, target, format);
    }

    /**
     * The image after a round trip through JPEG at {@code quality} (1-100): what a camera, a web service or a
     * compressed archive would have delivered. 8-bit grey and RGB only.
     *
     * @throws LoupeException USAGE for other image types
     */
    public static PixelImage jpegRoundTrip(PixelImage image, int quality) throws LoupeException {
        if (quality < 1 || quality > 100) {
            throw LoupeException.usage("JPEG quality must be between 1 and 100, got " + quality);
        }
        byte[] file = ImageEncoder.jpeg(image, quality);
        PixelImage back = ImageDecoder.read(new ByteArrayInputStream(file), image.metadata().name(),
                ReadOptions.defaults());
        return back.withMetadata(image.metadata());
    }

    /** Writes an image in the given format, whatever the file name says. */
    public static void write(PixelImage image, Path target, ImageFormat format) throws LoupeException {
        ImageEncoder.write(image, target, format);
    }
}
