package org.loupe.image.io.internal;

import com.twelvemonkeys.imageio.plugins.bmp.BMPImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.pnm.PNMImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.pnm.PNMImageWriterSpi;
import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageWriterSpi;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import org.loupe.image.ImageType;
import org.loupe.image.PixelType;
import org.loupe.image.io.ImageFormat;

/**
 * Picks the codec for each format explicitly rather than through the global ImageIO registry, whose contents depend
 * on class loaders (and so differ between OSGi and a plain class path). PNG, JPEG and BMP writing use the JDK's
 * codecs; TIFF, Netpbm and BMP reading use TwelveMonkeys, which handles more real-world variants.
 */
public final class Codecs {

    private Codecs() {
    }

    /** A fresh reader for the format; readers are not thread-safe, so never share one. */
    public static ImageReader reader(ImageFormat format) throws IOException {
        return switch (format) {
            case PNG -> jdk(ImageIO.getImageReadersByFormatName("png"), "PNG reader");
            case JPEG -> jdk(ImageIO.getImageReadersByFormatName("jpeg"), "JPEG reader");
            case BMP -> new BMPImageReaderSpi().createReaderInstance();
            case TIFF -> new TIFFImageReaderSpi().createReaderInstance();
            case PGM, PPM -> new PNMImageReaderSpi().createReaderInstance();
            case DICOM, NIFTI -> throw new IllegalArgumentException(format + " is read by Loupe's own reader");
        };
    }

    /** A fresh writer for the format and image type. */
    public static ImageWriter writer(ImageFormat format, ImageType type) throws IOException {
        if (format == ImageFormat.TIFF && type.pixelType() == PixelType.FLOAT32) {
            // TwelveMonkeys writes integer samples only; the JDK's TIFF writer stores IEEE float
            return jdk(ImageIO.getImageWritersByFormatName("tiff"), "TIFF writer");
        }
        return switch (format) {
            case PNG -> jdk(ImageIO.getImageWritersByFormatName("png"), "PNG writer");
            case JPEG -> jdk(ImageIO.getImageWritersByFormatName("jpeg"), "JPEG writer");
            // TwelveMonkeys' BMP writer only takes 32-bit ABGR; the JDK's writes 8-bit grey and 24-bit RGB
            case BMP -> jdk(ImageIO.getImageWritersByFormatName("bmp"), "BMP writer");
            case TIFF -> new TIFFImageWriterSpi().createWriterInstance();
            case PGM, PPM -> new PNMImageWriterSpi().createWriterInstance();
            case DICOM, NIFTI -> throw new IllegalArgumentException(format + " is written by Loupe's own writer");
        };
    }

    private static <T> T jdk(Iterator<T> candidates, String what) throws IOException {
        T fallback = null;
        while (candidates.hasNext()) {
            T c = candidates.next();
            if (c.getClass().getName().startsWith("com.sun.imageio.")) {
                return c;
            }
            fallback = fallback == null ? c : fallback;
        }
        if (fallback == null) {
            throw new IOException("no " + what + " in this Java runtime");
        }
        return fallback;
    }
}
