package org.loupe.image.io.internal.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.loupe.api.LoupeException;
import org.loupe.image.io.AtomicFiles;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;

/**
 * Writes a volume as a DICOM series: one file per axial slice, explicit VR little endian, 16-bit samples with a
 * series-wide Rescale Slope and Intercept (1 and 0 when every value is an integer in range, else the value range
 * mapped onto 16 bits), geometry from the volume, fresh UIDs. Each file is written atomically.
 */
public final class DicomWriter {

    private static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    private static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";
    /** Loupe's implementation class UID, a UUID-derived root as PS3.5 B.2 allows. */
    private static final String IMPLEMENTATION_UID = "2.25.171467016355813209939624812476208791827";

    private DicomWriter() {
    }

    /** How samples are stored: bits allocated (8 or 16), signedness and the rescale back to values. */
    record Encoding(int bits, boolean signed, double slope, double intercept) {
        long stored(float value) {
            long q = Float.isFinite(value) ? Math.round((value - intercept) / slope) : 0;
            long lo = bits == 8 ? 0 : signed ? Short.MIN_VALUE : 0;
            long hi = bits == 8 ? 255 : signed ? Short.MAX_VALUE : 65535;
            return Math.max(lo, Math.min(hi, q));
        }
    }

    /**
     * Writes {@code IMG0001.dcm}... into {@code folder}.
     *
     * @param modality    CT for Hounsfield volumes (CT Image Storage), anything else is written as secondary capture
     * @param description the Series Description
     * @return the files written, bottom slice first
     * @throws LoupeException INPUT if a file cannot be written
     */
    public static List<Path> writeSeries(Volume v, Path folder, String modality, String description)
            throws LoupeException {
        Encoding rescale = encoding(v.data(), 0);
        String[] uids = {uid(), uid(), uid()};
        List<Path> written = new ArrayList<>();
        for (int k = 0; k < v.depth(); k++) {
            Path target = folder.resolve(String.format(Locale.ROOT, "IMG%04d.dcm", k + 1));
            write(target, slice(v, k, rescale, modality, description, uids));
            written.add(target);
        }
        return written;
    }

    /**
     * Writes one slice of a volume as a file of its own series.
     *
     * @throws LoupeException INPUT if the file cannot be written
     */
    public static void writeFile(Volume v, int k, Path target, String modality, String description,
            int unsignedBits) throws LoupeException {
        write(target, slice(v, k, encoding(v.data(), unsignedBits), modality, description, new String[] {uid(), uid(),
            uid()}));
    }

    private static void write(Path target, byte[] file) throws LoupeException {
        try {
            AtomicFiles.write(target, out -> out.write(file));
        } catch (IOException e) {
            throw LoupeException.badInput(target.toString(), "cannot be written (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The encoding that keeps the values: unsigned samples of {@code unsignedBits} (8 or 16; 0 for none) when the
     * values fit, else signed 16 bits, exact for integers in range and otherwise the value range spread over 16 bits
     * by a rescale.
     */
    static Encoding encoding(float[] data, int unsignedBits) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean integers = true;
        for (float f : data) {
            if (!Float.isFinite(f)) {
                continue;
            }
            min = Math.min(min, f);
            max = Math.max(max, f);
            integers &= f == Math.rint(f);
        }
        if (min > max) {
            return new Encoding(16, true, 1, 0);
        }
        if (integers && unsignedBits == 8 && min >= 0 && max <= 255) {
            return new Encoding(8, false, 1, 0);
        }
        if (integers && unsignedBits > 0 && min >= 0 && max <= 65535) {
            return new Encoding(16, false, 1, 0);
        }
        if (integers && min >= Short.MIN_VALUE && max <= Short.MAX_VALUE) {
            return new Encoding(16, true, 1, 0);
        }
        double slope = Double.parseDouble(ds(Math.max(max - min, 1e-6) / 65534));
        double intercept = Double.parseDouble(ds(min + 32767 * slope));
        return new Encoding(16, true, slope, intercept);
    }

    /** One slice's file; {@code uids} are the study, series and frame of reference UIDs. */
    private static byte[] slice(Volume v, int k, Encoding rescale, String modality, String description,
            String[] uids) {
        String study = uids[0];
        String series = uids[1];
        String frame = uids[2];
        boolean ct = "CT".equals(modality);
        String sopClass = ct ? CT_IMAGE_STORAGE : SECONDARY_CAPTURE;
        String instance = uid();
        VoxelGeometry g = v.geometry();
        double[] d = g.direction();
        double[] position = g.position(0, 0, k);
        Elements e = new Elements();
        e.ui(0x00080016, sopClass).ui(0x00080018, instance).cs(Tags.MODALITY, modality.isEmpty() ? "OT" : modality)
                .lo(Tags.SERIES_DESCRIPTION, description).pn(0x00100010, "").lo(Tags.PATIENT_ID, "")
                .ds(Tags.SLICE_THICKNESS, g.spacingZ()).ui(Tags.STUDY_INSTANCE, study).ui(Tags.SERIES_INSTANCE, series)
                .is(Tags.SERIES_NUMBER, 1).is(Tags.INSTANCE_NUMBER, k + 1)
                .ds(Tags.IMAGE_POSITION, position[0], position[1], position[2])
                .ds(Tags.IMAGE_ORIENTATION, d[0], d[1], d[2], d[3], d[4], d[5]).ui(Tags.FRAME_OF_REFERENCE, frame)
                .us(Tags.SAMPLES_PER_PIXEL, 1).cs(Tags.PHOTOMETRIC, "MONOCHROME2").us(Tags.ROWS, v.height())
                .us(Tags.COLUMNS, v.width()).ds(Tags.PIXEL_SPACING, g.spacingY(), g.spacingX())
                .us(Tags.BITS_ALLOCATED, rescale.bits()).us(Tags.BITS_STORED, rescale.bits())
                .us(Tags.HIGH_BIT, rescale.bits() - 1).us(Tags.PIXEL_REPRESENTATION, rescale.signed() ? 1 : 0)
                .ds(Tags.RESCALE_INTERCEPT, rescale.intercept()).ds(Tags.RESCALE_SLOPE, rescale.slope());
        if (ct) {
            e.lo(Tags.RESCALE_TYPE, "HU");
        }
        e.pixels(v, k, rescale);
        Elements meta = new Elements();
        meta.raw(0x00020001, "OB", new byte[] {0, 1}).ui(Tags.MEDIA_STORAGE_SOP_CLASS, sopClass)
                .ui(Tags.MEDIA_STORAGE_SOP_INSTANCE, instance).ui(Tags.TRANSFER_SYNTAX, DicomParser.EXPLICIT_LE)
                .ui(0x00020012, IMPLEMENTATION_UID);
        byte[] metaBytes = meta.bytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + metaBytes.length + e.size() + 16);
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        Elements length = new Elements();
        length.ul(0x00020000, metaBytes.length);
        out.writeBytes(length.bytes());
        out.writeBytes(metaBytes);
        out.writeBytes(e.bytes());
        return out.toByteArray();
    }

    /** A new UID under the 2.25 root (a UUID as a decimal integer). */
    static String uid() {
        UUID u = UUID.randomUUID();
        BigInteger n = new BigInteger(1, java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
                .putLong(u.getLeastSignificantBits()).array());
        return "2.25." + n;
    }

    /** A decimal string of at most 16 characters, as DS allows. */
    static String ds(double value) {
        for (int digits = 12; digits > 0; digits--) {
            String s = new java.math.BigDecimal(value).round(new java.math.MathContext(digits)).stripTrailingZeros()
                    .toString();
            if (s.length() <= 16 && !s.contains("E")) {
                return s;
            }
            String sci = String.format(Locale.ROOT, "%." + (digits - 1) + "E", value);
            if (sci.length() <= 16) {
                return sci;
            }
        }
        return "0";
    }

    /** Explicit VR little endian elements, appended in the caller's (ascending) tag order. */
    private static final class Elements {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Elements ui(int tag, String value) {
            return text(tag, "UI", value, (byte) 0);
        }

        Elements cs(int tag, String value) {
            return text(tag, "CS", value, (byte) ' ');
        }

        Elements lo(int tag, String value) {
            return text(tag, "LO", value, (byte) ' ');
        }

        Elements pn(int tag, String value) {
            return text(tag, "PN", value, (byte) ' ');
        }

        Elements is(int tag, int value) {
            return text(tag, "IS", Integer.toString(value), (byte) ' ');
        }

        Elements ds(int tag, double... values) {
            StringBuilder s = new StringBuilder();
            for (double v : values) {
                s.append(s.length() == 0 ? "" : "\\").append(DicomWriter.ds(v));
            }
            return text(tag, "DS", s.toString(), (byte) ' ');
        }

        Elements us(int tag, int value) {
            return raw(tag, "US", new byte[] {(byte) value, (byte) (value >>> 8)});
        }

        Elements ul(int tag, int value) {
            return raw(tag, "UL", new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16),
                (byte) (value >>> 24)});
        }

        private Elements text(int tag, String vr, String value, byte pad) {
            byte[] b = value.getBytes(StandardCharsets.US_ASCII);
            byte[] padded = b.length % 2 == 0 ? b : java.util.Arrays.copyOf(b, b.length + 1);
            if (padded.length != b.length) {
                padded[b.length] = pad;
            }
            return raw(tag, vr, padded);
        }

        Elements raw(int tag, String vr, byte[] value) {
            header(tag, vr, value.length);
            out.writeBytes(value);
            return this;
        }

        void pixels(Volume v, int k, Encoding encoding) {
            int n = v.width() * v.height();
            int bytes = encoding.bits() / 8;
            int length = n * bytes;
            byte[] b = new byte[length + (length % 2)];
            header(Tags.PIXEL_DATA, bytes == 1 ? "OB" : "OW", b.length);
            float[] data = v.data();
            int base = k * n;
            for (int p = 0; p < n; p++) {
                long s = encoding.stored(data[base + p]);
                b[bytes * p] = (byte) s;
                if (bytes == 2) {
                    b[2 * p + 1] = (byte) (s >>> 8);
                }
            }
            out.writeBytes(b);
        }

        private void header(int tag, String vr, int length) {
            write16(tag >>> 16);
            write16(tag & 0xFFFF);
            out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
            if (vr.equals("OB") || vr.equals("OW")) {
                write16(0);
                write16(length & 0xFFFF);
                write16(length >>> 16);
            } else {
                write16(length);
            }
        }

        private void write16(int v) {
            out.write(v & 0xFF);
            out.write((v >>> 8) & 0xFF);
        }

        int size() {
            return out.size();
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
