package org.loupe.image.io.internal.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.loupe.api.LoupeException;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;

/** The fields of a NIfTI-1 header Loupe uses, checked. */
record NiftiHeader(ByteOrder order, int nx, int ny, int nz, int datatype, float[] pixdim, long voxOffset,
        double slope, double intercept, int qformCode, int sformCode, float[] quatern, float[] srow,
        String subject) {

    static final int UINT8 = 2;
    static final int INT16 = 4;
    static final int INT32 = 8;
    static final int FLOAT32 = 16;
    static final int FLOAT64 = 64;
    static final int INT8 = 256;
    static final int UINT16 = 512;
    static final int UINT32 = 768;

    static NiftiHeader parse(byte[] h, String subject) throws LoupeException {
        ByteBuffer b = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != NiftiReader.HEADER) {
            b.order(ByteOrder.BIG_ENDIAN);
            if (b.getInt(0) != NiftiReader.HEADER) {
                throw LoupeException.badInput(subject, "is not a NIfTI-1 file (sizeof_hdr is not 348)");
            }
        }
        String magic = new String(h, 344, 3, StandardCharsets.US_ASCII);
        if (magic.equals("ni1")) {
            throw LoupeException.badInput(subject, "is the header of a NIfTI pair (.hdr/.img), which Loupe does not "
                    + "read; convert it to a single .nii file");
        }
        if (!magic.equals("n+1")) {
            throw LoupeException.badInput(subject, "is not a NIfTI-1 file (magic is not 'n+1'; ANALYZE 7.5 is not "
                    + "read)");
        }
        int rank = b.getShort(40);
        int[] dim = new int[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = b.getShort(40 + 2 * i);
        }
        if (rank < 2 || rank > 7) {
            throw LoupeException.badInput(subject, "declares " + rank + " dimensions (2 or 3 are read)");
        }
        for (int i = 1; i <= rank; i++) {
            if (dim[i] < 1) {
                throw LoupeException.badInput(subject, "declares dimension " + i + " of size " + dim[i]);
            }
        }
        for (int i = 4; i <= rank; i++) {
            if (dim[i] > 1) {
                throw LoupeException.badInput(subject, "is " + rank + "-D (" + dim[i] + " along dimension " + i
                        + "); Loupe reads 2-D and 3-D images");
            }
        }
        float[] pixdim = new float[8];
        for (int i = 0; i < 8; i++) {
            pixdim[i] = b.getFloat(76 + 4 * i);
        }
        float vox = b.getFloat(108);
        if (!(vox >= NiftiReader.HEADER) || vox > 1 << 24) {
            throw LoupeException.badInput(subject, "has an invalid data offset (vox_offset " + vox + ")");
        }
        float slope = b.getFloat(112);
        float inter = b.getFloat(116);
        boolean scaled = slope != 0 && Float.isFinite(slope) && Float.isFinite(inter);
        float[] quatern = new float[6];
        for (int i = 0; i < 6; i++) {
            quatern[i] = b.getFloat(256 + 4 * i);
        }
        float[] srow = new float[12];
        for (int i = 0; i < 12; i++) {
            srow[i] = b.getFloat(280 + 4 * i);
        }
        NiftiHeader header = new NiftiHeader(b.order(), dim[1], dim[2], rank >= 3 ? dim[3] : 1, b.getShort(70),
                pixdim, (long) vox, scaled ? slope : 1, scaled ? inter : 0, b.getShort(252), b.getShort(254), quatern,
                srow, subject);
        header.bytesPerVoxel();
        return header;
    }

    void checkSize(long maxVoxels) throws LoupeException {
        long n = (long) nx * ny * nz;
        if (n > maxVoxels) {
            throw LoupeException.badInput(subject, String.format(java.util.Locale.ROOT, "declares %dx%dx%d voxels, "
                    + "over the limit of %d", nx, ny, nz, maxVoxels));
        }
        try {
            Volume.voxels(nx, ny, nz);
        } catch (IllegalArgumentException e) {
            throw LoupeException.badInput(subject, e.getMessage());
        }
    }

    int bytesPerVoxel() throws LoupeException {
        return switch (datatype) {
            case UINT8, INT8 -> 1;
            case INT16, UINT16 -> 2;
            case INT32, UINT32, FLOAT32 -> 4;
            case FLOAT64 -> 8;
            default -> throw LoupeException.badInput(subject, "has NIfTI data type " + datatype + " (Loupe reads "
                    + "8/16/32-bit integers and 32/64-bit floats, not complex or RGB)");
        };
    }

    double value(ByteBuffer b, int at) {
        return switch (datatype) {
            case UINT8 -> b.get(at) & 0xFF;
            case INT8 -> b.get(at);
            case INT16 -> b.getShort(at);
            case UINT16 -> b.getShort(at) & 0xFFFF;
            case INT32 -> b.getInt(at);
            case UINT32 -> b.getInt(at) & 0xFFFFFFFFL;
            case FLOAT32 -> b.getFloat(at);
            default -> b.getDouble(at);
        };
    }

    double scale(double v) {
        return v * slope + intercept;
    }

    /** The voxel geometry in LPS: NIfTI's affine maps to RAS, whose x and y point the other way. */
    VoxelGeometry geometry() {
        double[][] a = affine();
        double[] sp = new double[3];
        double[] dir = new double[9];
        for (int c = 0; c < 3; c++) {
            double x = -a[0][c];
            double y = -a[1][c];
            double z = a[2][c];
            double len = Math.sqrt(x * x + y * y + z * z);
            if (!(len > 0) || !Double.isFinite(len)) {
                return VoxelGeometry.of(positive(pixdim[1]), positive(pixdim[2]), positive(pixdim[3]));
            }
            sp[c] = len;
            dir[3 * c] = x / len;
            dir[3 * c + 1] = y / len;
            dir[3 * c + 2] = z / len;
        }
        return new VoxelGeometry(sp[0], sp[1], sp[2], new double[] {-a[0][3], -a[1][3], a[2][3]}, dir);
    }

    private double[][] affine() {
        if (sformCode > 0) {
            return new double[][] {{srow[0], srow[1], srow[2], srow[3]}, {srow[4], srow[5], srow[6], srow[7]},
                {srow[8], srow[9], srow[10], srow[11]}};
        }
        double dx = positive(pixdim[1]);
        double dy = positive(pixdim[2]);
        double dz = positive(pixdim[3]);
        if (qformCode <= 0) {
            return new double[][] {{dx, 0, 0, 0}, {0, dy, 0, 0}, {0, 0, dz, 0}};
        }
        double qb = quatern[0];
        double qc = quatern[1];
        double qd = quatern[2];
        double qa = Math.sqrt(Math.max(0, 1 - (qb * qb + qc * qc + qd * qd)));
        double qfac = pixdim[0] < 0 ? -1 : 1;
        double[][] r = {
            {qa * qa + qb * qb - qc * qc - qd * qd, 2 * (qb * qc - qa * qd), 2 * (qb * qd + qa * qc)},
            {2 * (qb * qc + qa * qd), qa * qa + qc * qc - qb * qb - qd * qd, 2 * (qc * qd - qa * qb)},
            {2 * (qb * qd - qa * qc), 2 * (qc * qd + qa * qb), qa * qa + qd * qd - qc * qc - qb * qb}};
        return new double[][] {{r[0][0] * dx, r[0][1] * dy, r[0][2] * dz * qfac, quatern[3]},
            {r[1][0] * dx, r[1][1] * dy, r[1][2] * dz * qfac, quatern[4]},
            {r[2][0] * dx, r[2][1] * dy, r[2][2] * dz * qfac, quatern[5]}};
    }

    private static double positive(float v) {
        return v > 0 && Float.isFinite(v) ? Math.abs(v) : 1;
    }
}
