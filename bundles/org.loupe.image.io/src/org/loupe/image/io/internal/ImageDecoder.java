package org.loupe.image.io.internal;

import java.awt.image.DataBuffer;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.loupe.api.LoupeException;
import org.loupe.image.ImageMetadata;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFormat;
import org.loupe.image.io.ReadOptions;

/**
 * Reads one image file defensively: the format comes from the file's magic number (not its name), the size from its
 * header is checked against the pixel limit before decoding, and any decoder warning (e.g. JPEG's "premature end of
 * data", which otherwise yields a grey-filled image) is treated as corruption. Every failure becomes a one-line
 * {@link LoupeException} of reason INPUT naming the file.
 */
public final class ImageDecoder {

    /** Enough for every magic number, DICOM's 'DICM' at byte 128 included. */
    private static final int HEAD_BYTES = 132;

    private ImageDecoder() {
    }

    /** Reads the image, or fails with a message naming {@code path}. */
    public static PixelImage read(Path path, ReadOptions options) throws LoupeException {
        ImageFormat format = sniff(path);
        if (format == ImageFormat.DICOM || format == ImageFormat.NIFTI) {
            return MedicalSlices.read(path, format, options);
        }
        ImageMetadata.Builder metadata = ImageMetadata.builder().name(path.getFileName().toString())
                .source(path.toAbsolutePath().normalize().toString());
        try (ImageInputStream in = new FileImageInputStream(path.toFile())) {
            return decode(in, format, path.toString(), metadata, options);
        } catch (IOException e) {
            throw LoupeException.badInput(path.toString(), "cannot be read (" + describe(e) + ")", e);
        }
    }

    /** Reads an image from a stream (e.g. a resource inside a bundle); {@code name} names it in messages. */
    public static PixelImage read(InputStream stream, String name, ReadOptions options) throws LoupeException {
        BufferedInputStream in = new BufferedInputStream(stream);
        ImageFormat format;
        try {
            in.mark(HEAD_BYTES);
            format = identify(name, in.readNBytes(HEAD_BYTES));
            in.reset();
            if (format == ImageFormat.DICOM || format == ImageFormat.NIFTI) {
                throw LoupeException.badInput(name, format + " is read from files only, not from a stream");
            }
        } catch (IOException e) {
            throw LoupeException.badInput(name, "cannot be read (" + describe(e) + ")", e);
        }
        try (ImageInputStream iis = new MemoryCacheImageInputStream(in)) {
            return decode(iis, format, name, ImageMetadata.builder().name(name).source(name), options);
        } catch (IOException e) {
            throw LoupeException.badInput(name, "cannot be read (" + describe(e) + ")", e);
        }
    }

    private static PixelImage decode(ImageInputStream in, ImageFormat format, String subject,
            ImageMetadata.Builder metadata, ReadOptions options) throws LoupeException {
        try {
            String corrupt = format == ImageFormat.PNG ? PngChunks.corruption(in) : null;
            if (format == ImageFormat.PNG) {
                PixelImage fast = Png16Decoder.read(in, metadata.property("format", format.name()).build(),
                        (w, h) -> {
                            checkSize(subject, w, h, options);
                            checkMemory(subject, w, h, 16);
                            if (corrupt != null) {
                                throw LoupeException.badInput(subject, "corrupt PNG data (" + corrupt + ")");
                            }
                        });
                if (fast != null) {
                    return fast;
                }
            }
            refuseHostileStructure(in, format, subject);
            ImageReader reader = Codecs.reader(format);
            try {
                reader.setInput(in, true, true);
                checkSize(subject, reader.getWidth(0), reader.getHeight(0), options);
                checkMemory(subject, reader);
                if (corrupt != null) {
                    throw LoupeException.badInput(subject, "corrupt PNG data (" + corrupt + ")");
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
                PixelImage image = floatRaster(reader) ? RasterDecoder.fromFloatRaster(reader.readRaster(0, null),
                        metadata.property("format", format.name()))
                        : RasterDecoder.toPixelImage(reader.read(0), metadata.property("format", format.name()));
                if (!warnings.isEmpty()) {
                    throw LoupeException.badInput(subject, "corrupt or truncated " + format + " data ("
                            + warnings.get(0) + ")");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (UnsupportedImageException e) {
            throw LoupeException.badInput(subject, e.getMessage(), e);
        } catch (EOFException e) {
            throw LoupeException.badInput(subject, "corrupt or truncated " + format + " data (the file ends early)", e);
        } catch (IOException e) {
            throw LoupeException.badInput(subject, "corrupt or truncated " + format + " data (" + describe(e) + ")", e);
        } catch (RuntimeException e) {
            // decoders meet some malformed headers and tables (TIFF strip offsets, zero sizes) with runtime
            // exceptions whose messages speak of Java, not of the file: the log keeps them, the user reads this
            throw LoupeException.badInput(subject, "corrupt " + format + " data (malformed file structure; details "
                    + "in the log)", e);
        } catch (OutOfMemoryError e) {
            throw LoupeException.badInput(subject, String.format(Locale.ROOT, "too large to decode in the memory "
                    + "Loupe may use (%d MB; give it more, e.g. LOUPE_JAVA_OPTS=-Xmx%dg)", maxMegabytes(),
                    Math.max(2, 2 * maxMegabytes() / 1024 + 1)), null);
        }
    }

    /** Structures that pass the size checks but would cost a decoder its stack or minutes of work. */
    private static void refuseHostileStructure(ImageInputStream in, ImageFormat format, String subject)
            throws IOException, LoupeException {
        if (format == ImageFormat.TIFF) {
            String why = TiffDirectories.refusal(in);
            if (why != null) {
                throw LoupeException.badInput(subject, "refused: TIFF " + why);
            }
        } else if (format == ImageFormat.JPEG) {
            if (JpegScans.count(in) > JpegScans.MAX_SCANS) {
                throw LoupeException.badInput(subject, "refused: more than " + JpegScans.MAX_SCANS + " JPEG scans; "
                        + "encoders write at most about 10, and each scan is a pass over the whole image");
            }
        }
    }

    /**
     * Whether the file holds one channel of float samples. Those are read as a raw raster: decoding them into a
     * {@code BufferedImage} goes through a float colour model that clamps every sample to [0, 1].
     */
    private static boolean floatRaster(ImageReader reader) throws IOException {
        if (!reader.canReadRaster()) {
            return false;
        }
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        return raw != null && raw.getSampleModel().getDataType() == DataBuffer.TYPE_FLOAT
                && raw.getSampleModel().getNumBands() == 1;
    }

    /** The format of a file from its first bytes, or an INPUT failure naming the file. */
    public static ImageFormat sniff(Path path) throws LoupeException {
        String subject = path.toString();
        if (Files.exists(path) && !Files.isRegularFile(path) && !Files.isDirectory(path)) {
            // opening a FIFO would wait for a writer forever; devices and sockets are not images either
            throw LoupeException.badInput(subject, "not a regular file (a FIFO, device or socket); Loupe reads "
                    + "image files only");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(HEAD_BYTES);
        } catch (NoSuchFileException e) {
            throw LoupeException.badInput(subject, "no such file");
        } catch (AccessDeniedException e) {
            throw LoupeException.badInput(subject, "permission denied");
        } catch (IOException e) {
            throw LoupeException.badInput(subject, Files.isDirectory(path) ? "is a folder, not an image"
                    : "cannot be read (" + describe(e) + ")");
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B
                && ImageFormat.fromFileName(path.getFileName().toString()).orElse(null) == ImageFormat.NIFTI) {
            return ImageFormat.NIFTI;
        }
        return identify(subject, head);
    }

    private static ImageFormat identify(String subject, byte[] head) throws LoupeException {
        if (head.length == 0) {
            throw LoupeException.badInput(subject, "empty file");
        }
        Optional<ImageFormat> format = ImageFormat.sniff(head);
        if (format.isEmpty()) {
            throw LoupeException.badInput(subject, "not an image Loupe can read (PNG, JPEG, BMP, TIFF, PGM/PPM, "
                    + "DICOM, NIfTI)");
        }
        return format.get();
    }

    /**
     * Refuses an image whose decoding alone would need more memory than the JVM may use: the codec's buffer and
     * Loupe's copy of the samples. Estimated from the header, so nothing is allocated for a hopeless file.
     */
    private static void checkMemory(String subject, ImageReader reader) throws IOException, LoupeException {
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        int bitsPerPixel = 24;
        if (raw != null) {
            bitsPerPixel = 0;
            for (int b = 0; b < raw.getSampleModel().getNumBands(); b++) {
                bitsPerPixel += Math.max(8, raw.getSampleModel().getSampleSize(b));
            }
        }
        checkMemory(subject, reader.getWidth(0), reader.getHeight(0), bitsPerPixel);
    }

    private static void checkMemory(String subject, int width, int height, int bitsPerPixel) throws LoupeException {
        long need = 2 * (long) width * height * bitsPerPixel / 8 / (1024 * 1024);
        if (need > maxMegabytes()) {
            throw LoupeException.badInput(subject, String.format(Locale.ROOT, "%dx%d needs about %d MB to decode, "
                    + "more than the %d MB Loupe may use (give it more, e.g. LOUPE_JAVA_OPTS=-Xmx%dg)",
                    width, height, need, maxMegabytes(), 2 * need / 1024 + 1));
        }
    }

    private static long maxMegabytes() {
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }

    private static void checkSize(String subject, int width, int height, ReadOptions options) throws LoupeException {
        if (width <= 0 || height <= 0) {
            throw LoupeException.badInput(subject, "corrupt header (size " + width + "x" + height + ")");
        }
        long pixels = (long) width * height;
        if (pixels > options.maxPixels()) {
            throw LoupeException.badInput(subject, String.format(Locale.ROOT,
                    "%dx%d is %.1f megapixels, over the pixel limit of %.1f", width, height,
                    pixels / 1e6, options.maxPixels() / 1e6));
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
