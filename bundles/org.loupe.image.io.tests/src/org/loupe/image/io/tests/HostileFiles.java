package org.loupe.image.io.tests;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Decoding bombs, built byte by byte: small files whose headers pass the pixel limit but whose decoding would cost
 * far more memory or time than their size suggests if a decoder trusted them.
 */
final class HostileFiles {

    private HostileFiles() {
    }

    /**
     * An 8-bit grey PNG of zeros: about a thousand pixels per byte of file, the best zlib can do. With
     * {@code rowsStored} below {@code height} the data ends early, after a valid zlib stream.
     */
    static byte[] pngOfZeros(int width, int height, int rowsStored) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(9), 1 << 16)) {
            byte[] row = new byte[width + 1];
            for (int y = 0; y < rowsStored; y++) {
                z.write(row);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.writeInt(data.length);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    /** A little-endian TIFF under construction: IFDs placed at chosen offsets of a zero-filled file. */
    private static final class Tiff {
        final ByteBuffer b;

        Tiff(int size, int firstIfd) {
            b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
            b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(firstIfd);
        }

        /** Writes an IFD of {@code entries} (tag, type, count, value) at {@code at}, followed by {@code next}. */
        Tiff ifd(int at, int next, int[]... entries) {
            b.position(at);
            b.putShort((short) entries.length);
            for (int[] e : entries) {
                b.putShort((short) e[0]).putShort((short) e[1]).putInt(e[2]);
                if (e[1] == 3 && e[2] == 1) {
                    b.putShort((short) e[3]).putShort((short) 0);
                } else {
                    b.putInt(e[3]);
                }
            }
            b.putInt(next);
            return this;
        }

        static int ifdSize(int entries) {
            return 2 + 12 * entries + 4;
        }
    }

    private static int[] e(int tag, int type, int count, int value) {
        return new int[] {tag, type, count, value};
    }

    /** An 8-bit grey TIFF, {@code width} x {@code strips}, one row per strip: a strip table of {@code strips}. */
    static byte[] tiffWithStrips(int width, int strips) {
        int ifd = 8;
        int offsets = ifd + Tiff.ifdSize(8);
        int counts = offsets + 4 * strips;
        int data = counts + 4 * strips;
        Tiff t = new Tiff(data + width * strips, ifd);
        t.ifd(ifd, 0, e(256, 4, 1, width), e(257, 4, 1, strips), e(258, 3, 1, 8), e(259, 3, 1, 1),
                e(262, 3, 1, 1), e(273, 4, strips, offsets), e(278, 4, 1, 1), e(279, 4, strips, counts));
        for (int s = 0; s < strips; s++) {
            t.b.putInt(offsets + 4 * s, data + width * s);
            t.b.putInt(counts + 4 * s, width);
        }
        return t.b.array();
    }

    /** A 16 x 16 8-bit grey TIFF stored as one tile of {@code tile} x {@code tile} with 256 bytes behind it. */
    static byte[] tiffWithTile(int tile) {
        int ifd = 8;
        int data = ifd + Tiff.ifdSize(9);
        Tiff t = new Tiff(data + 256, ifd);
        t.ifd(ifd, 0, e(256, 4, 1, 16), e(257, 4, 1, 16), e(258, 3, 1, 8), e(259, 3, 1, 1), e(262, 3, 1, 1),
                e(322, 4, 1, tile), e(323, 4, 1, tile), e(324, 4, 1, data), e(325, 4, 1, 256));
        return t.b.array();
    }

    /** A valid 16 x 16 grey TIFF whose directory names itself as the next one: a loop of directories. */
    static byte[] tiffWithLoopingDirectories() {
        int ifd = 8;
        int data = ifd + Tiff.ifdSize(8);
        Tiff t = new Tiff(data + 256, ifd);
        t.ifd(ifd, ifd, e(256, 4, 1, 16), e(257, 4, 1, 16), e(258, 3, 1, 8), e(259, 3, 1, 1), e(262, 3, 1, 1),
                e(273, 4, 1, data), e(278, 4, 1, 16), e(279, 4, 1, 256));
        return t.b.array();
    }

    /** A valid 16 x 16 grey TIFF whose directory holds a chain of {@code depth} nested sub-directories (SubIFDs). */
    static byte[] tiffWithNestedDirectories(int depth) {
        int ifd = 8;
        int first = ifd + Tiff.ifdSize(9);
        int data = first + depth * Tiff.ifdSize(2);
        Tiff t = new Tiff(data + 256, ifd);
        t.ifd(ifd, 0, e(256, 4, 1, 16), e(257, 4, 1, 16), e(258, 3, 1, 8), e(259, 3, 1, 1), e(262, 3, 1, 1),
                e(273, 4, 1, data), e(278, 4, 1, 16), e(279, 4, 1, 256), e(330, 13, 1, first));
        for (int k = 0; k < depth; k++) {
            int at = first + k * Tiff.ifdSize(2);
            int child = k + 1 < depth ? at + Tiff.ifdSize(2) : 0;
            if (child == 0) {
                t.ifd(at, 0, e(256, 4, 1, 1), e(257, 4, 1, 1));
            } else {
                t.ifd(at, 0, e(256, 4, 1, 1), e(330, 13, 1, child));
            }
        }
        return t.b.array();
    }

    /** A progressive JPEG with its first scan repeated until the file holds {@code scans} scans. */
    static byte[] jpegWithScans(byte[] progressive, int scans) {
        int sos = -1;
        int next = -1;
        for (int i = 2; i + 1 < progressive.length; i++) {
            if ((progressive[i] & 0xFF) == 0xFF && (progressive[i + 1] & 0xFF) == 0xDA) {
                if (sos < 0) {
                    sos = i;
                } else {
                    next = i;
                    break;
                }
            }
        }
        if (next < 0) {
            throw new IllegalArgumentException("not a progressive JPEG with two scans");
        }
        int present = 0;
        for (int i = 2; i + 1 < progressive.length; i++) {
            if ((progressive[i] & 0xFF) == 0xFF && (progressive[i + 1] & 0xFF) == 0xDA) {
                present++;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(progressive, 0, next);
        for (int k = present; k < scans; k++) {
            out.write(progressive, sos, next - sos);
        }
        out.write(progressive, next, progressive.length - next);
        return out.toByteArray();
    }
}
