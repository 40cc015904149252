package org.loupe.image.io.internal.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.loupe.api.LoupeException;
import org.loupe.image.Calibration;
import org.loupe.image.ImageMetadata;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ReadOptions;
import org.loupe.image.io.dicom.DicomSlice;

/** Reads one DICOM file into a {@link DicomSlice}, turning every problem into a one-line INPUT failure. */
public final class DicomReader {

    /** A DICOM file larger than this is refused before it is read: 2 GB, the most one array holds. */
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8L;

    private DicomReader() {
    }

    /** The file's data set without decoding pixels: for grouping files into series cheaply. */
    public static DicomHeader header(Path path, ReadOptions options) throws LoupeException {
        DicomDataset ds = parse(path, options);
        return new DicomHeader(path, ds.text(Tags.SERIES_INSTANCE), ds.text(Tags.SERIES_DESCRIPTION),
                ds.text(Tags.MODALITY), ds.hasPixels());
    }

    /** What grouping needs to know of a file. */
    public record DicomHeader(Path file, String seriesUid, String description, String modality,
            boolean hasPixels) {
    }

    /**
     * Reads a file with all its frames.
     *
     * @throws LoupeException INPUT naming the file and what is wrong
     */
    public static DicomSlice read(Path path, ReadOptions options) throws LoupeException {
        DicomDataset ds = parse(path, options);
        try {
            double[] spacing = ds.decimals(Tags.PIXEL_SPACING);
            double[] thickness = ds.decimals(Tags.SLICE_THICKNESS);
            ImageMetadata.Builder m = ImageMetadata.builder().name(path.getFileName().toString())
                    .source(path.toAbsolutePath().normalize().toString()).property("format", "DICOM")
                    .property("dicom.transferSyntax", ds.transferSyntax());
            String modality = orEmpty(ds.text(Tags.MODALITY));
            if (!modality.isEmpty()) {
                m.property("modality", modality);
            }
            if ("CT".equals(modality)) {
                m.property("unit", "HU");
            }
            if (spacing != null && spacing.length == 2 && spacing[0] > 0 && spacing[1] > 0) {
                m.calibration(new Calibration(spacing[1], spacing[0], "mm"));
            }
            List<PixelImage> frames = DicomPixels.decode(ds, options.maxPixels(), m.build());
            String instance = ds.text(Tags.INSTANCE_NUMBER);
            return new DicomSlice(path, frames, modality, orEmpty(ds.text(Tags.SERIES_INSTANCE)),
                    orEmpty(ds.text(Tags.SERIES_DESCRIPTION)), instance == null || instance.isEmpty() ? 0
                            : (int) Double.parseDouble(instance), vector(ds.decimals(Tags.IMAGE_POSITION), 3),
                    vector(ds.decimals(Tags.IMAGE_ORIENTATION), 6), spacing == null || spacing.length != 2
                            ? Double.NaN : spacing[0], spacing == null || spacing.length != 2 ? Double.NaN
                                    : spacing[1], thickness == null ? Double.NaN : thickness[0], ds.transferSyntax());
        } catch (DicomException e) {
            throw LoupeException.badInput(path.toString(), e.getMessage());
        } catch (NumberFormatException e) {
            throw LoupeException.badInput(path.toString(), "has an unreadable number in its geometry ("
                    + e.getMessage() + ")");
        }
    }

    private static DicomDataset parse(Path path, ReadOptions options) throws LoupeException {
        try {
            if (!Files.isRegularFile(path)) {
                throw LoupeException.badInput(path.toString(), Files.exists(path) ? "is not a regular file"
                        : "does not exist");
            }
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                throw LoupeException.badInput(path.toString(), "is too large for a DICOM file Loupe reads (" + size
                        + " bytes)");
            }
            // a deflated data set may not expand past what the pixel limit allows, plus room for the attributes
            long maxInflated = Math.min(MAX_FILE_BYTES, options.maxPixels() * 8 + (64L << 20));
            return DicomParser.parse(Files.readAllBytes(path), maxInflated);
        } catch (DicomException e) {
            throw LoupeException.badInput(path.toString(), e.getMessage());
        } catch (IOException e) {
            throw LoupeException.badInput(path.toString(), "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static double[] vector(double[] v, int n) {
        return v != null && v.length == n ? v : null;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
