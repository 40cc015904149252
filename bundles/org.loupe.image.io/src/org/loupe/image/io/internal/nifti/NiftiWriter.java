package org.loupe.image.io.internal.nifti;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.loupe.api.LoupeException;
import org.loupe.image.ImageType;
import org.loupe.image.io.AtomicFiles;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;

/**
 * Writes a volume as single-file NIfTI-1, gzipped when the name ends in {@code .gz}, atomically. The data type is the
 * smallest that holds every value exactly: unsigned 8-bit (label maps), signed 16-bit (Hounsfield units), else
 * 32-bit float; a 2-D image keeps its own type (unsigned 8 or 16 bits, float). The geometry goes into both the sform
 * and the qform (scanner coordinates, RAS).
 */
public final class NiftiWriter {

    private NiftiWriter() {
    }

    /**
     * Writes {@code v} to {@code target}.
     *
     * @throws LoupeException INPUT if the file cannot be written
     */
    public static void write(Volume v, Path target) throws LoupeException {
        write(v, target, datatype(v.data()));
    }

    /** The data type that stores an image type exactly: uint8, uint16 or float32. */
    public static int datatypeOf(ImageType type) {
        return switch (type.pixelType()) {
            case UINT8 -> NiftiHeader.UINT8;
            case UINT16 -> NiftiHeader.UINT16;
            case FLOAT32 -> NiftiHeader.FLOAT32;
        };
    }

    /** Writes with a given data type (see {@link #datatypeOf}); values are assumed to fit it. */
    public static void write(Volume v, Path target, int datatype) throws LoupeException {
        byte[] header = header(v, datatype);
        boolean gz = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        try {
            AtomicFiles.write(target, raw -> {
                OutputStream out = gz ? new GZIPOutputStream(raw, 1 << 16) : new BufferedOutputStream(raw, 1 << 16);
                out.write(header);
                out.write(new byte[4]);
                writeData(v.data(), datatype, out);
                out.flush();
                if (out instanceof GZIPOutputStream z) {
                    z.finish();
                }
            });
        } catch (IOException e) {
            throw LoupeException.badInput(target.toString(), "cannot be written (" + e.getMessage() + ")", e);
        }
    }

    static int datatype(float[] data) {
        boolean integers = true;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float f : data) {
            integers &= f == Math.rint(f);
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        if (integers && min >= 0 && max <= 255) {
            return NiftiHeader.UINT8;
        }
        if (integers && min >= Short.MIN_VALUE && max <= Short.MAX_VALUE) {
            return NiftiHeader.INT16;
        }
        return NiftiHeader.FLOAT32;
    }

    private static void writeData(float[] data, int datatype, OutputStream out) throws IOException {
        int bytes = datatype == NiftiHeader.UINT8 ? 1 : datatype == NiftiHeader.FLOAT32 ? 4 : 2;
        ByteBuffer buf = ByteBuffer.allocate(65536 * bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < data.length; i++) {
            switch (datatype) {
                case NiftiHeader.UINT8 -> buf.put((byte) data[i]);
                case NiftiHeader.INT16, NiftiHeader.UINT16 -> buf.putShort((short) (int) data[i]);
                default -> buf.putFloat(data[i]);
            }
            if (!buf.hasRemaining()) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
        }
        out.write(buf.array(), 0, buf.position());
    }

    private static byte[] header(Volume v, int datatype) {
        ByteBuffer b = ByteBuffer.allocate(NiftiReader.HEADER).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, NiftiReader.HEADER);
        // callers check that every side fits a short (VolumeFiles.writeNifti)
        short[] dim = {3, (short) v.width(), (short) v.height(), (short) v.depth(), 1, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            b.putShort(40 + 2 * i, dim[i]);
        }
        b.putShort(70, (short) datatype);
        b.putShort(72, (short) (datatype == NiftiHeader.UINT8 ? 8 : datatype == NiftiHeader.FLOAT32 ? 32 : 16));
        VoxelGeometry g = v.geometry();
        double[] d = g.direction();
        // RAS: negate the x and y rows of Loupe's LPS geometry
        double[][] r = new double[3][3];
        for (int c = 0; c < 3; c++) {
            r[0][c] = -d[3 * c];
            r[1][c] = -d[3 * c + 1];
            r[2][c] = d[3 * c + 2];
        }
        double[] o = g.origin();
        double[] t = {-o[0], -o[1], o[2]};
        double det = r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1]) - r[0][1] * (r[1][0] * r[2][2]
                - r[1][2] * r[2][0]) + r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]);
        float qfac = det < 0 ? -1 : 1;
        float[] pixdim = {qfac, (float) g.spacingX(), (float) g.spacingY(), (float) g.spacingZ(), 1, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            b.putFloat(76 + 4 * i, pixdim[i]);
        }
        b.putFloat(108, NiftiReader.HEADER + 4);
        b.putFloat(112, 1);
        b.putFloat(116, 0);
        b.put(123, (byte) 10); // xyzt_units: millimetres and seconds
        b.putShort(252, (short) 1);
        b.putShort(254, (short) 1);
        double[] q = quaternion(r, qfac);
        for (int i = 0; i < 3; i++) {
            b.putFloat(256 + 4 * i, (float) q[i]);
            b.putFloat(268 + 4 * i, (float) t[i]);
        }
        double[] s = {g.spacingX(), g.spacingY(), g.spacingZ()};
        for (int row = 0; row < 3; row++) {
            for (int c = 0; c < 3; c++) {
                b.putFloat(280 + 16 * row + 4 * c, (float) (r[row][c] * s[c]));
            }
            b.putFloat(280 + 16 * row + 12, (float) t[row]);
        }
        byte[] descrip = "Loupe".getBytes(StandardCharsets.US_ASCII);
        b.put(148, descrip);
        b.put(344, "n+1\0".getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    /** The quaternion (b, c, d) of a rotation, after flipping the third column when {@code qfac} is -1. */
    private static double[] quaternion(double[][] m, float qfac) {
        double r11 = m[0][0];
        double r12 = m[0][1];
        double r13 = m[0][2] * qfac;
        double r21 = m[1][0];
        double r22 = m[1][1];
        double r23 = m[1][2] * qfac;
        double r31 = m[2][0];
        double r32 = m[2][1];
        double r33 = m[2][2] * qfac;
        double a = r11 + r22 + r33 + 1;
        double qa;
        double qb;
        double qc;
        double qd;
        if (a > 0.5) {
            qa = 0.5 * Math.sqrt(a);
            qb = 0.25 * (r32 - r23) / qa;
            qc = 0.25 * (r13 - r31) / qa;
            qd = 0.25 * (r21 - r12) / qa;
        } else {
            double xd = 1 + r11 - (r22 + r33);
            double yd = 1 + r22 - (r11 + r33);
            double zd = 1 + r33 - (r11 + r22);
            if (xd > 1) {
                qb = 0.5 * Math.sqrt(xd);
                qc = 0.25 * (r12 + r21) / qb;
                qd = 0.25 * (r13 + r31) / qb;
                qa = 0.25 * (r32 - r23) / qb;
            } else if (yd > 1) {
                qc = 0.5 * Math.sqrt(yd);
                qb = 0.25 * (r12 + r21) / qc;
                qd = 0.25 * (r23 + r32) / qc;
                qa = 0.25 * (r13 - r31) / qc;
            } else {
                qd = 0.5 * Math.sqrt(zd);
                qb = 0.25 * (r13 + r31) / qd;
                qc = 0.25 * (r23 + r32) / qd;
                qa = 0.25 * (r21 - r12) / qd;
            }
            if (qa < 0) {
                qb = -qb;
                qc = -qc;
                qd = -qd;
            }
        }
        return new double[] {qb, qc, qd};
    }
}
