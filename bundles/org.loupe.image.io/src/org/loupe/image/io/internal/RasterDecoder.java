package org.loupe.image.io.internal;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import org.loupe.image.GrayF32;
import org.loupe.image.GrayU16;
import org.loupe.image.GrayU8;
import org.loupe.image.ImageMetadata;
import org.loupe.image.PixelImage;
import org.loupe.image.RgbU8;

/**
 * Converts a decoded {@link BufferedImage} into Loupe's pixel model, keeping the bit depth: grey up to 8 bits becomes
 * GrayU8 (1, 2 and 4-bit values are stretched to 0..255), 9 to 16 bits GrayU16, float grey GrayF32, colour with up
 * to 8 bits per channel RgbU8 (alpha is dropped). Everything else is refused, never silently reduced.
 */
final class RasterDecoder {

    private RasterDecoder() {
    }

    /**
     * @throws UnsupportedImageException describing the sample layout when Loupe has no matching pixel type
     */
    static PixelImage toPixelImage(BufferedImage image, ImageMetadata.Builder metadata) throws UnsupportedImageException {
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        if (cm instanceof IndexColorModel icm) {
            return fromPalette(raster, icm, metadata);
        }
        int colours = cm.getNumColorComponents();
        int bits = raster.getSampleModel().getSampleSize(0);
        int dataType = raster.getSampleModel().getDataType();
        if (colours == 1 && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            return fromGray(raster, bits, dataType, metadata);
        }
        if (colours == 3 && cm.getColorSpace().getType() == ColorSpace.TYPE_RGB) {
            for (int b = 0; b < 3; b++) {
                if (raster.getSampleModel().getSampleSize(b) > 8) {
                    throw new UnsupportedImageException(raster.getSampleModel().getSampleSize(b)
                            + "-bit colour is not supported (Loupe reads colour at up to 8 bits per channel; "
                            + "16-bit images must be greyscale)");
                }
            }
            return fromRgb(raster, metadata.build());
        }
        throw new UnsupportedImageException("unsupported colour model with " + colours + " colour channels (Loupe "
                + "reads greyscale and RGB)");
    }

    private static PixelImage fromGray(Raster raster, int bits, int dataType, ImageMetadata.Builder metadata)
            throws UnsupportedImageException {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int[] row = new int[w];
        if (dataType == DataBuffer.TYPE_FLOAT) {
            return fromFloatRaster(raster, metadata);
        }
        if (dataType == DataBuffer.TYPE_BYTE || (dataType == DataBuffer.TYPE_USHORT && bits <= 8)) {
            GrayU8 out = GrayU8.create(w, h).withMetadata(metadata.build());
            int max = (1 << bits) - 1;
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    out.data()[y * w + x] = (byte) (bits == 8 ? row[x] : row[x] * 255 / max);
                }
            }
            return out;
        }
        if (dataType == DataBuffer.TYPE_USHORT && bits <= 16) {
            if (bits < 16) {
                metadata.significantBits(bits);
            }
            GrayU16 out = GrayU16.create(w, h).withMetadata(metadata.build());
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    out.data()[y * w + x] = (short) row[x];
                }
            }
            return out;
        }
        throw new UnsupportedImageException("unsupported bit depth: " + bits + "-bit " + typeName(dataType)
                + " greyscale (Loupe reads 1 to 16-bit unsigned integer and 32-bit float greyscale)");
    }

    /**
     * Float greyscale samples exactly as stored.
     *
     * @throws UnsupportedImageException for NaN or infinite samples, which Loupe's algorithms do not define results
     *                                   for; naming the first keeps the refusal checkable
     */
    static GrayF32 fromFloatRaster(Raster raster, ImageMetadata.Builder metadata) throws UnsupportedImageException {
        int w = raster.getWidth();
        int h = raster.getHeight();
        GrayF32 out = GrayF32.create(w, h).withMetadata(metadata.build());
        float[] row = new float[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                if (!Float.isFinite(row[x])) {
                    throw new UnsupportedImageException("holds non-finite float samples, the first at (" + x + ", "
                            + y + ") = " + row[x] + " (Loupe processes finite values only)");
                }
            }
            System.arraycopy(row, 0, out.data(), y * w, w);
        }
        return out;
    }

    private static RgbU8 fromRgb(Raster raster, ImageMetadata metadata) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        RgbU8 out = RgbU8.create(w, h).withMetadata(metadata);
        int[] row = new int[w];
        for (int b = 0; b < 3; b++) {
            int max = (1 << raster.getSampleModel().getSampleSize(b)) - 1;
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, b, row);
                for (int x = 0; x < w; x++) {
                    out.data()[3 * (y * w + x) + b] = (byte) (max == 255 ? row[x] : row[x] * 255 / max);
                }
            }
        }
        return out;
    }

    private static PixelImage fromPalette(Raster raster, IndexColorModel cm, ImageMetadata.Builder metadata) {
        int n = cm.getMapSize();
        boolean grey = true;
        for (int i = 0; i < n; i++) {
            grey &= cm.getRed(i) == cm.getGreen(i) && cm.getGreen(i) == cm.getBlue(i);
        }
        int w = raster.getWidth();
        int h = raster.getHeight();
        int[] row = new int[w];
        if (grey) {
            GrayU8 out = GrayU8.create(w, h).withMetadata(metadata.build());
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    out.data()[y * w + x] = (byte) cm.getRed(row[x]);
                }
            }
            return out;
        }
        RgbU8 out = RgbU8.create(w, h).withMetadata(metadata.build());
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                out.set(x, y, cm.getRed(row[x]), cm.getGreen(row[x]), cm.getBlue(row[x]));
            }
        }
        return out;
    }

    private static String typeName(int dataType) {
        return switch (dataType) {
            case DataBuffer.TYPE_SHORT -> "signed integer";
            case DataBuffer.TYPE_INT -> "integer";
            case DataBuffer.TYPE_DOUBLE -> "double";
            default -> "unsigned integer";
        };
    }
}
