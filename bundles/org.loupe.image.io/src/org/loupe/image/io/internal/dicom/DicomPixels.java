package org.loupe.image.io.internal.dicom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.loupe.image.GrayF32;
import org.loupe.image.GrayU16;
import org.loupe.image.GrayU8;
import org.loupe.image.ImageMetadata;
import org.loupe.image.PixelImage;
import org.loupe.image.PlanarF32;
import org.loupe.image.RgbU8;

/**
 * Decodes a data set's pixel data into images: greyscale in modality units (stored value times Rescale Slope plus
 * Rescale Intercept, Hounsfield units for CT) as float, except unsigned 8- and 16-bit samples without a rescale,
 * which keep their integer type; 8-bit RGB as it is, deeper RGB as three float planes. Native (uncompressed) and RLE
 * Lossless data are decoded; other compressed transfer syntaxes and YBR colour are refused by name.
 */
final class DicomPixels {

    static final String RLE = "1.2.840.10008.1.2.5";

    private static final Map<String, String> COMPRESSED = Map.ofEntries(
            Map.entry("1.2.840.10008.1.2.4.50", "JPEG Baseline"),
            Map.entry("1.2.840.10008.1.2.4.51", "JPEG Extended"),
            Map.entry("1.2.840.10008.1.2.4.57", "JPEG Lossless"),
            Map.entry("1.2.840.10008.1.2.4.70", "JPEG Lossless SV1"),
            Map.entry("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless"),
            Map.entry("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless"),
            Map.entry("1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless"),
            Map.entry("1.2.840.10008.1.2.4.91", "JPEG 2000"),
            Map.entry("1.2.840.10008.1.2.4.201", "HTJ2K Lossless"),
            Map.entry("1.2.840.10008.1.2.4.203", "HTJ2K"));

    private DicomPixels() {
    }

    /**
     * The frames of a data set.
     *
     * @param maxPixels the most pixels (all frames together) accepted, checked before any is decoded
     * @throws DicomException for pixel data Loupe cannot or will not decode, naming why
     */
    static List<PixelImage> decode(DicomDataset ds, long maxPixels, ImageMetadata metadata) {
        if (!ds.hasPixels()) {
            throw new DicomException("holds no pixel data (" + describe(ds) + ")");
        }
        String ts = ds.transferSyntax();
        if (COMPRESSED.containsKey(ts)) {
            throw new DicomException("uses " + COMPRESSED.get(ts) + " compression (transfer syntax " + ts
                    + "), which Loupe does not decode; convert it to uncompressed first (e.g. gdcmconv --raw)");
        }
        Layout l = Layout.of(ds, maxPixels);
        if (RLE.equals(ts)) {
            if (ds.fragments() == null) {
                throw new DicomException("declares RLE compression but holds native pixel data");
            }
            return rle(ds, l, metadata);
        }
        if (ds.nativePixels() == null) {
            throw new DicomException("holds encapsulated pixel data in an uncompressed transfer syntax (" + ts + ")");
        }
        DicomDataset.Value v = ds.nativePixels();
        long need = l.bitsAllocated == 1 ? ((long) l.frames * l.rows * l.columns + 7) / 8 : (long) l.frames
                * l.frameBytes();
        if (v.length() < need) {
            throw new DicomException("is truncated (pixel data holds " + v.length() + " bytes, " + need
                    + " needed for " + l.frames + " frame(s) of " + l.columns + "x" + l.rows + ")");
        }
        List<PixelImage> frames = new ArrayList<>(l.frames);
        for (int f = 0; f < l.frames; f++) {
            frames.add(l.bitsAllocated == 1 ? bits(v, l, f, metadata)
                    : l.image(v.bytes(), v.offset() + f * l.frameBytes(), ds.bigEndian(), l.planar, metadata));
        }
        return frames;
    }

    private static String describe(DicomDataset ds) {
        String modality = ds.text(Tags.MODALITY);
        return modality == null || modality.isEmpty() ? "not an image" : "modality " + modality + ", not an image";
    }

    private static PixelImage bits(DicomDataset.Value v, Layout l, int frame, ImageMetadata metadata) {
        boolean plain = l.slope == 1 && l.intercept == 0;
        PixelImage out = plain ? GrayU8.create(l.columns, l.rows) : GrayF32.create(l.columns, l.rows);
        long first = (long) frame * l.rows * l.columns;
        int n = l.rows * l.columns;
        for (int p = 0; p < n; p++) {
            long bit = first + p;
            int byteValue = v.bytes()[v.offset() + (int) (bit >>> 3)];
            out.setFloat(p % l.columns, p / l.columns, 0, (float) (((byteValue >>> (bit & 7)) & 1) * l.slope
                    + l.intercept));
        }
        return out.withMetadata(metadata);
    }

    private static List<PixelImage> rle(DicomDataset ds, Layout l, ImageMetadata metadata) {
        if (l.bitsAllocated == 1) {
            throw new DicomException("declares RLE compression of 1-bit samples, which DICOM does not define");
        }
        List<DicomDataset.Value> items = ds.fragments();
        if (items.size() < 2) {
            throw new DicomException("holds no RLE frames");
        }
        List<DicomDataset.Value> data = items.subList(1, items.size());
        if (data.size() != l.frames) {
            throw new DicomException("holds " + data.size() + " RLE fragments for " + l.frames + " frames");
        }
        List<PixelImage> frames = new ArrayList<>(l.frames);
        for (DicomDataset.Value fragment : data) {
            byte[] interleaved = RleDecoder.decodeFrame(fragment, l.rows * l.columns, l.samples,
                    l.bitsAllocated / 8);
            frames.add(l.image(interleaved, 0, true, false, metadata));
        }
        return frames;
    }

    /** How the samples of one frame are laid out and what they mean. */
    private record Layout(int rows, int columns, int frames, int samples, int bitsAllocated, boolean signed,
            boolean planar, double slope, double intercept) {

        static Layout of(DicomDataset ds, long maxPixels) {
            int rows = ds.unsignedShort(Tags.ROWS, 0);
            int columns = ds.unsignedShort(Tags.COLUMNS, 0);
            String nf = ds.text(Tags.NUMBER_OF_FRAMES);
            int frames = nf == null || nf.isEmpty() ? 1 : parseFrames(nf);
            if (rows <= 0 || columns <= 0) {
                throw new DicomException("declares an empty image (" + columns + "x" + rows + ")");
            }
            if ((long) rows * columns * frames > maxPixels) {
                throw new DicomException("declares " + frames + " frame(s) of " + columns + "x" + rows + ", over the "
                        + maxPixels + "-pixel limit");
            }
            int samples = ds.unsignedShort(Tags.SAMPLES_PER_PIXEL, 1);
            int bits = ds.unsignedShort(Tags.BITS_ALLOCATED, 0);
            String photometric = ds.text(Tags.PHOTOMETRIC);
            photometric = photometric == null ? "" : photometric;
            if (samples == 3 && !"RGB".equals(photometric)) {
                throw new DicomException("stores colour as " + photometric + ", which Loupe does not convert (RGB "
                        + "and greyscale are read)");
            }
            if (samples == 3 && bits != 8 && bits != 16 && bits != 32) {
                throw new DicomException("stores " + bits + "-bit colour; Loupe reads 8, 16 and 32-bit RGB");
            }
            if (samples != 1 && samples != 3) {
                throw new DicomException("has " + samples + " samples per pixel; Loupe reads 1 (greyscale) or 3 "
                        + "(RGB)");
            }
            if (bits != 1 && bits != 8 && bits != 16 && bits != 32) {
                throw new DicomException("allocates " + bits + " bits per sample; Loupe reads 1, 8, 16 or 32");
            }
            if (samples == 1 && !photometric.isEmpty() && !photometric.startsWith("MONOCHROME")) {
                throw new DicomException("has one sample per pixel with photometric interpretation " + photometric
                        + " (palette colour is not supported)");
            }
            double[] slope = decimalsOrNull(ds, Tags.RESCALE_SLOPE);
            double[] intercept = decimalsOrNull(ds, Tags.RESCALE_INTERCEPT);
            return new Layout(rows, columns, frames, samples, bits, ds.unsignedShort(Tags.PIXEL_REPRESENTATION, 0)
                    == 1, ds.unsignedShort(Tags.PLANAR_CONFIGURATION, 0) == 1, slope == null ? 1 : slope[0],
                    intercept == null ? 0 : intercept[0]);
        }

        private static int parseFrames(String text) {
            try {
                int n = Integer.parseInt(text.trim());
                if (n < 1) {
                    throw new DicomException("declares " + n + " frames");
                }
                return n;
            } catch (NumberFormatException e) {
                throw new DicomException("has an unreadable Number of Frames '" + text + "'");
            }
        }

        private static double[] decimalsOrNull(DicomDataset ds, int tag) {
            try {
                return ds.decimals(tag);
            } catch (NumberFormatException e) {
                throw new DicomException("has an unreadable " + Tags.name(tag) + " '" + ds.text(tag) + "'");
            }
        }

        boolean storedValuesAreFinal() {
            return !signed && (bitsAllocated == 8 || bitsAllocated == 16) && slope == 1 && intercept == 0;
        }

        int frameBytes() {
            return rows * columns * samples * (bitsAllocated / 8);
        }

        /** One frame from bytes at {@code at}: samples interleaved unless planar. */
        PixelImage image(byte[] b, int at, boolean bigEndian, boolean planarLayout, ImageMetadata metadata) {
            int n = rows * columns;
            int bytes = bitsAllocated / 8;
            if (samples == 3) {
                // 8-bit colour as RGB; deeper colour as three float planes, the only Loupe type that holds it
                PixelImage out = bytes == 1 ? RgbU8.create(columns, rows) : PlanarF32.create(columns, rows, 3);
                for (int p = 0; p < n; p++) {
                    for (int c = 0; c < 3; c++) {
                        int index = planarLayout ? c * n + p : p * 3 + c;
                        out.setFloat(p % columns, p / columns, c, (float) (sample(b, at + index * bytes, bytes,
                                bigEndian) * slope + intercept));
                    }
                }
                return out.withMetadata(metadata);
            }
            if (storedValuesAreFinal()) {
                // unsigned 8 or 16 bits without a rescale: keep the integer type, as a TIFF or PNG would
                PixelImage out = bytes == 1 ? GrayU8.create(columns, rows) : GrayU16.create(columns, rows);
                for (int p = 0; p < n; p++) {
                    out.setFloat(p % columns, p / columns, 0, (float) sample(b, at + p * bytes, bytes, bigEndian));
                }
                return out.withMetadata(metadata);
            }
            GrayF32 out = GrayF32.create(columns, rows);
            float[] d = out.data();
            for (int p = 0; p < n; p++) {
                d[p] = (float) (sample(b, at + p * bytes, bytes, bigEndian) * slope + intercept);
            }
            return out.withMetadata(metadata);
        }

        private double sample(byte[] b, int at, int bytes, boolean big) {
            long v = 0;
            for (int i = 0; i < bytes; i++) {
                int shift = big ? (bytes - 1 - i) * 8 : i * 8;
                v |= (long) (b[at + i] & 0xFF) << shift;
            }
            if (signed) {
                int bits = bytes * 8;
                v = v << (64 - bits) >> (64 - bits);
            }
            return v;
        }
    }
}
