package org.loupe.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An EXIF directory on its own: the fuzzed bytes are the EXIF sub-directory of an otherwise valid 2x2 greyscale TIFF,
 * reached through its ExifIFD tag (34665), so every run exercises how directories that point to directories are
 * walked ({@code TiffDirectories}) and read, whatever the fuzzer puts in the entries and the offsets they hold.
 */
class ExifFuzzTest extends ImageDecoderFuzz {

    /** Where the fuzzed directory starts: after the header, IFD0 (2 + 9 entries x 12 + 4 bytes) and the pixels. */
    static final int EXIF_OFFSET = 8 + 2 + 9 * 12 + 4 + 4;

    @Override
    byte[] file(byte[] exif) {
        return withExif(exif);
    }

    /** A little-endian TIFF of 2x2 grey pixels whose IFD0 points at {@code exif}, appended at the end. */
    static byte[] withExif(byte[] exif) {
        ByteBuffer b = ByteBuffer.allocate(EXIF_OFFSET + exif.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) 9);
        entry(b, 256, 3, 1, 2);                 // ImageWidth
        entry(b, 257, 3, 1, 2);                 // ImageLength
        entry(b, 258, 3, 1, 8);                 // BitsPerSample
        entry(b, 259, 3, 1, 1);                 // Compression: none
        entry(b, 262, 3, 1, 1);                 // PhotometricInterpretation: black is zero
        entry(b, 273, 4, 1, EXIF_OFFSET - 4);   // StripOffsets
        entry(b, 278, 3, 1, 2);                 // RowsPerStrip
        entry(b, 279, 4, 1, 4);                 // StripByteCounts
        entry(b, 34665, 4, 1, EXIF_OFFSET);     // ExifIFD
        b.putInt(0);
        b.put(new byte[] {0, 64, (byte) 128, (byte) 255});
        b.put(exif);
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }
}
