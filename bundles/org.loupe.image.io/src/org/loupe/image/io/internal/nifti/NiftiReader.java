package org.loupe.image.io.internal.nifti;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.loupe.api.LoupeException;
import org.loupe.image.ImageMetadata;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;

/**
 * Reads single-file NIfTI-1 ({@code .nii}, {@code .nii.gz}) 2-D and 3-D images: both byte orders, the integer and
 * float data types, {@code scl_slope}/{@code scl_inter} scaling, and the geometry from the sform (else the qform,
 * else the voxel sizes) converted from NIfTI's RAS to Loupe's LPS patient coordinates. The declared size is checked
 * against the limit (and an uncompressed file's size) before any voxel is read, and the voxels are stored as they
 * arrive, so a small or truncated file cannot reserve a huge allocation.
 */
public final class NiftiReader {

    static final int HEADER = 348;

    private NiftiReader() {
    }

    /**
     * Reads the volume.
     *
     * @param maxVoxels the most voxels accepted
     * @throws LoupeException INPUT naming the file and what is wrong
     */
    public static Volume read(Path path, long maxVoxels) throws LoupeException {
        return load(path, maxVoxels).volume();
    }

    /**
     * A volume and how it was stored.
     *
     * @param volume    the samples as float, scaled
     * @param unsignedBits 8 or 16 for unscaled unsigned 8/16-bit data (which a 2-D reader keeps as integers), else 0
     */
    public record Loaded(Volume volume, int unsignedBits) {
    }

    /** Reads the volume and notes its stored type. */
    public static Loaded load(Path path, long maxVoxels) throws LoupeException {
        String subject = path.toString();
        try (InputStream raw = Files.newInputStream(path)) {
            InputStream in = new BufferedInputStream(raw, 1 << 16);
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1F && b1 == 0x8B) {
                in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            }
            byte[] h = in.readNBytes(HEADER);
            if (h.length < HEADER) {
                throw LoupeException.badInput(subject, "is truncated (a NIfTI header needs 348 bytes, the file has "
                        + h.length + ")");
            }
            NiftiHeader header = NiftiHeader.parse(h, subject);
            header.checkSize(maxVoxels);
            long voxels = (long) header.nx() * header.ny() * header.nz();
            long stored = (Files.size(path) - header.voxOffset()) / header.bytesPerVoxel();
            if (!(b0 == 0x1F && b1 == 0x8B) && stored < voxels) {
                throw LoupeException.badInput(subject, String.format(Locale.ROOT, "is truncated (%d of %d voxels)",
                        Math.max(0, stored), voxels));
            }
            in.skipNBytes(header.voxOffset() - HEADER);
            float[] data = readData(in, header, subject);
            ImageMetadata m = ImageMetadata.builder().name(path.getFileName().toString())
                    .source(path.toAbsolutePath().normalize().toString()).property("format", "NIFTI").build();
            VoxelGeometry g = header.geometry();
            boolean unscaled = header.slope() == 1 && header.intercept() == 0;
            int unsignedBits = !unscaled ? 0 : header.datatype() == NiftiHeader.UINT8 ? 8
                    : header.datatype() == NiftiHeader.UINT16 ? 16 : 0;
            return new Loaded(Volume.wrap(data, header.nx(), header.ny(), header.nz(), g, m), unsignedBits);
        } catch (ZipException e) {
            throw LoupeException.badInput(subject, "has corrupt gzip data (" + e.getMessage() + ")");
        } catch (EOFException e) {
            throw LoupeException.badInput(subject, "is truncated (the data ends early)");
        } catch (IOException e) {
            throw LoupeException.badInput(subject, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static float[] readData(InputStream in, NiftiHeader h, String subject) throws IOException,
            LoupeException {
        int n = Volume.voxels(h.nx(), h.ny(), h.nz());
        int bytes = h.bytesPerVoxel();
        // grown as the data arrives: a gzip file's size says nothing of what it declares, and a few hundred bytes
        // must not reserve gigabytes before they turn out to be truncated
        float[] out = new float[Math.min(n, 1 << 20)];
        byte[] chunk = new byte[bytes * 65536];
        ByteBuffer buf = ByteBuffer.wrap(chunk).order(h.order());
        int done = 0;
        while (done < n) {
            int count = Math.min(65536, n - done);
            int got = in.readNBytes(chunk, 0, count * bytes);
            if (got < count * bytes) {
                throw LoupeException.badInput(subject, String.format(Locale.ROOT, "is truncated (%d of %d voxels)",
                        done + got / bytes, n));
            }
            if (done + count > out.length) {
                out = Arrays.copyOf(out, (int) Math.min(n, Math.max(done + count, 2L * out.length)));
            }
            for (int i = 0; i < count; i++) {
                out[done + i] = (float) h.scale(h.value(buf, i * bytes));
            }
            done += count;
        }
        return out;
    }
}
