package org.loupe.image.io;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.loupe.image.ImageType;

/** The file formats Loupe reads and writes, what each can store, and how each is recognised. */
public enum ImageFormat {
    /** PNG: lossless, 8/16-bit grey and 8-bit RGB. */
    PNG(Set.of(ImageType.GRAY_U8, ImageType.GRAY_U16, ImageType.RGB_U8), "png"),
    /** JPEG: lossy, 8-bit grey and RGB. */
    JPEG(Set.of(ImageType.GRAY_U8, ImageType.RGB_U8), "jpg", "jpeg"),
    /** Windows bitmap: 8-bit grey and RGB. */
    BMP(Set.of(ImageType.GRAY_U8, ImageType.RGB_U8), "bmp"),
    /** TIFF: 8/16-bit and float grey, 8-bit RGB; the usual format of X-ray detectors. */
    TIFF(Set.of(ImageType.GRAY_U8, ImageType.GRAY_U16, ImageType.GRAY_F32, ImageType.RGB_U8), "tif", "tiff"),
    /** Netpbm greymap (binary P5, also reads P1, P2, P4): 8/16-bit grey. */
    PGM(Set.of(ImageType.GRAY_U8, ImageType.GRAY_U16), "pgm", "pbm"),
    /** Netpbm pixmap (binary P6, also reads P3): 8-bit RGB. */
    PPM(Set.of(ImageType.RGB_U8), "ppm"),
    /**
     * DICOM: reads greyscale (in modality units, e.g. Hounsfield, as float unless the stored 8/16-bit values need no
     * rescale) and 8-bit RGB, uncompressed or RLE; writes 8/16-bit grey. Recognised by its 'DICM' marker at byte 128.
     * Volumes (series) are read and written by {@link VolumeFiles}.
     */
    DICOM(Set.of(ImageType.GRAY_U8, ImageType.GRAY_U16), "dcm"),
    /** NIfTI-1 single file, also gzipped ({@code .nii.gz}): grey 2-D slices and 3-D volumes. */
    NIFTI(Set.of(ImageType.GRAY_U8, ImageType.GRAY_U16, ImageType.GRAY_F32), "nii", "nii.gz");

    private final Set<ImageType> storable;
    private final List<String> extensions;

    ImageFormat(Set<ImageType> storable, String... extensions) {
        this.storable = storable;
        this.extensions = List.of(extensions);
    }

    /** Whether images of this type can be written in this format without loss of depth or bands. */
    public boolean canStore(ImageType type) {
        return storable.contains(type);
    }

    /**
     * Loupe's one rule for where a result goes: this format if it can store the type, else TIFF, which stores every
     * type Loupe writes (a float result asked for as PNG keeps every bit rather than fail after the work is done).
     */
    public ImageFormat orTiffFor(ImageType type) {
        return canStore(type) ? this : TIFF;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extensions.get(0);
    }

    /** A file name without its extension, {@code .nii.gz} counted as one: the stem outputs are named after. */
    public static String stem(String fileName) {
        int cut = fileName.toLowerCase(Locale.ROOT).endsWith(".nii.gz") ? fileName.length() - 7
                : fileName.lastIndexOf('.');
        return cut > 0 ? fileName.substring(0, cut) : fileName;
    }

    /** The format a file name's extension names, if any. */
    public static Optional<ImageFormat> fromFileName(String fileName) {
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".nii.gz")) {
            return Optional.of(NIFTI);
        }
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.extensions.contains(ext)).findFirst();
    }

    /**
     * The format recognised from the first bytes of a file (its magic number), if any. DICOM needs 132 bytes, a
     * NIfTI header 4; a gzipped NIfTI file is recognised by its name too (see {@link ImageFiles#formatOf}).
     */
    public static Optional<ImageFormat> sniff(byte[] head) {
        if (head.length >= 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M') {
            return Optional.of(DICOM);
        }
        if (head.length >= 4 && (head[0] == 0x5C && head[1] == 0x01 && head[2] == 0 && head[3] == 0
                || head[0] == 0 && head[1] == 0 && head[2] == 0x01 && head[3] == 0x5C)) {
            return Optional.of(NIFTI);
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 'B', 'M')) {
            return Optional.of(BMP);
        }
        if (startsWith(head, 'I', 'I', 42, 0) || startsWith(head, 'M', 'M', 0, 42)
                || startsWith(head, 'I', 'I', 43, 0) || startsWith(head, 'M', 'M', 0, 43)) {
            return Optional.of(TIFF);
        }
        if (head.length >= 3 && head[0] == 'P' && Character.isWhitespace(head[2])) {
            return switch (head[1]) {
                case '1', '2', '4', '5' -> Optional.of(PGM);
                case '3', '6' -> Optional.of(PPM);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
