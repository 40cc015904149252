package org.loupe.image.io.internal;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.loupe.api.LoupeException;
import org.loupe.image.GrayF32;
import org.loupe.image.GrayU16;
import org.loupe.image.GrayU8;
import org.loupe.image.PixelImage;
import org.loupe.image.Region;
import org.loupe.image.RgbU8;
import org.loupe.image.io.AtomicFiles;
import org.loupe.image.io.ImageFormat;

/**
 * Writes an image in a given format without losing bit depth, atomically (see {@link AtomicFiles}). Where the format
 * has text metadata (PNG, TIFF), the image's provenance (the providers that produced it) is recorded in it.
 */
public final class ImageEncoder {

    private static final float JPEG_QUALITY = 0.95f;

    private ImageEncoder() {
    }

    /** Writes {@code image} to {@code target}; a format that cannot store the image type is a usage error. */
    public static void write(PixelImage image, Path target, ImageFormat format) throws LoupeException {
        if (!format.canStore(image.type())) {
            throw LoupeException.usage("cannot save a " + image.type() + " image as " + format + " ("
                    + target.getFileName() + "); choose a format that stores it, e.g. "
                    + (image.type().pixelType().isInteger() ? ".png or .tif" : ".tif"));
        }
        if (format == ImageFormat.DICOM || format == ImageFormat.NIFTI) {
            MedicalWriters.write(image, target, format);
            return;
        }
        if (format == ImageFormat.PNG && image instanceof GrayU16 g) {
            try {
                AtomicFiles.write(target, out -> Png16Encoder.write(g, image.metadata().provenance(), out));
                return;
            } catch (IOException e) {
                throw cannotWrite(target, e);
            }
        }
        BufferedImage buffered = toBuffered(image);
        try {
            AtomicFiles.write(target, out -> {
                ImageWriter writer = Codecs.writer(format, image.type());
                try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
                    writer.setOutput(ios);
                    ImageWriteParam param = param(writer, format);
                    IIOMetadata metadata = provenance(writer, buffered, param, image, format);
                    writer.write(null, new IIOImage(buffered, null, metadata), param);
                } finally {
                    writer.dispose();
                }
            });
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
    }

    private static LoupeException cannotWrite(Path target, IOException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return LoupeException.badInput(target.toString(), "cannot write (" + why + ")", e);
    }

    /**
     * The image as a baseline JPEG file of the given quality (1-100, as libjpeg and most tools count it), in memory:
     * for simulating compressed inputs.
     */
    public static byte[] jpeg(PixelImage image, int quality) throws LoupeException {
        if (!ImageFormat.JPEG.canStore(image.type())) {
            throw LoupeException.usage("cannot compress a " + image.type() + " image as JPEG");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriter writer = Codecs.writer(ImageFormat.JPEG, image.type());
            try {
                writer.setOutput(ios);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality / 100f);
                writer.write(null, new IIOImage(toBuffered(image), null, null), param);
            } finally {
                writer.dispose();
            }
        } catch (IOException e) {
            throw new IllegalStateException("JPEG encoding in memory failed", e);
        }
        return bytes.toByteArray();
    }

    private static ImageWriteParam param(ImageWriter writer, ImageFormat format) {
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (format == ImageFormat.JPEG) {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
        }
        return param;
    }

    private static IIOMetadata provenance(ImageWriter writer, BufferedImage buffered, ImageWriteParam param,
            PixelImage image, ImageFormat format) {
        if ((format != ImageFormat.PNG && format != ImageFormat.TIFF) || image.metadata().provenance().isEmpty()) {
            return null;
        }
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(buffered), param);
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return null;
        }
        IIOMetadataNode entry = new IIOMetadataNode("TextEntry");
        entry.setAttribute("keyword", "Software");
        entry.setAttribute("value", "Loupe: " + String.join(" -> ", image.metadata().provenance()));
        IIOMetadataNode text = new IIOMetadataNode("Text");
        text.appendChild(entry);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
        root.appendChild(text);
        try {
            metadata.mergeTree("javax_imageio_1.0", root);
            return metadata;
        } catch (IIOInvalidTreeException | IllegalStateException e) {
            return null; // the writer cannot take text: the image is still written, just without provenance
        }
    }

    static BufferedImage toBuffered(PixelImage image) {
        if (image instanceof GrayU8 g) {
            BufferedImage bi = new BufferedImage(g.width(), g.height(), BufferedImage.TYPE_BYTE_GRAY);
            byte[] dst = ((DataBufferByte) bi.getRaster().getDataBuffer()).getData();
            for (int y = 0; y < g.height(); y++) {
                System.arraycopy(g.data(), g.offset() + y * g.stride(), dst, y * g.width(), g.width());
            }
            return bi;
        }
        if (image instanceof GrayU16 g) {
            BufferedImage bi = new BufferedImage(g.width(), g.height(), BufferedImage.TYPE_USHORT_GRAY);
            short[] dst = ((DataBufferUShort) bi.getRaster().getDataBuffer()).getData();
            for (int y = 0; y < g.height(); y++) {
                System.arraycopy(g.data(), g.offset() + y * g.stride(), dst, y * g.width(), g.width());
            }
            return bi;
        }
        if (image instanceof GrayF32 g) {
            ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), false,
                    false, Transparency.OPAQUE, DataBuffer.TYPE_FLOAT);
            WritableRaster raster = cm.createCompatibleWritableRaster(g.width(), g.height());
            for (int y = 0; y < g.height(); y++) {
                raster.setSamples(0, y, g.width(), 1, 0, g.view(new Region(0, y, g.width(), 1))
                        .copy().data());
            }
            return new BufferedImage(cm, raster, false, null);
        }
        if (image instanceof RgbU8 c) {
            int w = c.width();
            BufferedImage bi = new BufferedImage(w, c.height(), BufferedImage.TYPE_3BYTE_BGR);
            byte[] dst = ((DataBufferByte) bi.getRaster().getDataBuffer()).getData();
            for (int y = 0; y < c.height(); y++) {
                int s = c.offset() + y * c.stride();
                int d = 3 * y * w;
                for (int x = 0; x < w; x++, s += 3, d += 3) {
                    dst[d] = c.data()[s + 2];
                    dst[d + 1] = c.data()[s + 1];
                    dst[d + 2] = c.data()[s];
                }
            }
            return bi;
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "no file representation for %s", image.type()));
    }
}
